// swift-tools-version:6.0
import PackageDescription

// One target per stage of the pipeline, each depending only on earlier ones, so the compiler keeps
// data flowing one way:
//   Engine → Documents → Input → Catalog → Detectors → Consent → Policy → Verdict → Report → PostGuard
// `PostGuard` is the one product users import: it re-exports every stage and composes them (`Check`).
let package = Package(
    name: "PostGuard",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "PostGuard", targets: ["PostGuard"]),
        .executable(name: "postguard", targets: ["postguard"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        // SHA-256 for finding fingerprints (a hash of the matched text, never the text) and the
        // consent registry's audit chain.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // PCRE2 from the system (Debian: libpcre2-dev), 8-bit code units over UTF-8 text.
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        // libxml2's HTML parser (Debian: libxml2-dev) for the HTML variant of Meta's downloads.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "PostGuardEngine", dependencies: ["CPCRE2"]),
        .target(name: "PostGuardDocuments", dependencies: ["PostGuardEngine"]),
        .target(name: "PostGuardInput", dependencies: [
            "PostGuardEngine", "PostGuardDocuments", "CLibXML2",
            .product(name: "Yams", package: "Yams"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "PostGuardCatalog", dependencies: [
            "PostGuardEngine", "PostGuardDocuments", "PostGuardInput",
            .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "PostGuardDetectors", dependencies: ["PostGuardEngine", "PostGuardDocuments", "PostGuardCatalog"]),
        .target(name: "PostGuardConsent", dependencies: [
            "PostGuardEngine", "PostGuardDocuments", "PostGuardInput",
            .product(name: "GRDB", package: "GRDB.swift"),
            // SHA-256 for the registry's audit chain.
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "PostGuardPolicy", dependencies: [
            "PostGuardEngine", "PostGuardDocuments", "PostGuardInput", "PostGuardCatalog", "PostGuardDetectors",
            "PostGuardConsent",
            .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "PostGuardVerdict", dependencies: ["PostGuardDocuments", "PostGuardCatalog"]),
        .target(name: "PostGuardReport", dependencies: [
            "PostGuardEngine", "PostGuardDocuments", "PostGuardCatalog", "PostGuardVerdict",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(
            name: "PostGuard",
            dependencies: [
                "PostGuardEngine", "PostGuardDocuments", "PostGuardInput", "PostGuardCatalog", "PostGuardDetectors",
                "PostGuardConsent", "PostGuardPolicy", "PostGuardVerdict", "PostGuardReport",
            ]
        ),
        // `postguard serve`: the staff page and its JSON API over the same library call as `check`.
        .target(name: "PostGuardServe", dependencies: [
            "PostGuard",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .executableTarget(
            name: "postguard",
            dependencies: [
                "PostGuard", "PostGuardServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Trains Rules/data/name-tagger.bin from the repository's data (scripts/train-name-tagger).
        .executableTarget(name: "train-name-tagger", dependencies: ["PostGuardDetectors"]),
        .executableTarget(name: "train-disclosure-model", dependencies: ["PostGuardDocuments", "PostGuardPolicy"]),
        .testTarget(
            name: "PostGuardServeTests",
            dependencies: ["PostGuardServe", .product(name: "HummingbirdTesting", package: "hummingbird"),
                           .product(name: "HTTPTypes", package: "swift-http-types")]
        ),
        .testTarget(
            name: "PostGuardTests",
            dependencies: ["PostGuard", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                           .product(name: "Yams", package: "Yams")]
        ),
    ]
)

// The test build (scripts/test sets POSTGUARD_OPTIMIZED_TESTS): the pipeline's own targets compiled
// with optimisation inside the debug build, so the tests that scan every fixture and corpus run at
// release speed (four times the debug build's) while the dependencies keep the debug build's quick
// compile. Only when asked: unsafe flags would keep other packages from depending on this one.
if Context.environment["POSTGUARD_OPTIMIZED_TESTS"] != nil {
    let pipeline: Set<String> = ["PostGuardEngine", "PostGuardDocuments", "PostGuardInput", "PostGuardCatalog", "PostGuardDetectors",
                                 "PostGuardConsent", "PostGuardPolicy", "PostGuardVerdict", "PostGuardReport", "PostGuard"]
    for target in package.targets where pipeline.contains(target.name) {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-O"])]
    }
}

// libFuzzer targets for the readers (scripts/fuzz builds and runs them): only when asked, since they
// must be built with `-sanitize=fuzzer` and have no `main` of their own.
if Context.environment["POSTGUARD_FUZZ"] != nil {
    package.targets.append(.executableTarget(name: "fuzz-readers", dependencies: ["PostGuardInput"], path: "Fuzz/readers"))
    package.products.append(.executable(name: "fuzz-readers", targets: ["fuzz-readers"]))
}
