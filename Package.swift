// swift-tools-version:6.0
import PackageDescription

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
    ],
    targets: [
        // PCRE2 from the system (Debian: libpcre2-dev), 8-bit code units over UTF-8 text.
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .target(
            name: "PostGuard",
            dependencies: [
                "CPCRE2",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "postguard",
            dependencies: [
                "PostGuard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PostGuardTests",
            dependencies: ["PostGuard", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
    ]
)
