// PostGuard: where a checked path's settings are, found the way `.gitleaks.toml`, `.vale.ini` and
// `.swiftlint.yml` are: the path's own folder, then each folder above it, up to the root of the
// repository it is in (the folder holding `.git`). A drafts folder deep in a marketing repository is
// checked with the settings at the repository's root unless it has its own nearer.
import Foundation

public enum SettingsDiscovery {
    /// The names a settings file may have in a folder, in the order they are looked for.
    public static let names = ["postguard.yaml", ".postguard/config.yaml"]

    /// The settings file named for the whole run: `--config`, else `POSTGUARD_CONFIG`; nil when the
    /// settings are to be found beside the checked paths.
    public static func named(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let explicit { return explicit }
        if let path = environment["POSTGUARD_CONFIG"], !path.isEmpty { return path }
        return nil
    }

    /// The settings file for `path` (a file, a folder, or `-` for standard input, looked up from the
    /// working directory). Outside any repository the walk goes up to the filesystem root.
    public static func settingsFile(for path: String, fileManager: FileManager = .default) -> String? {
        var isDirectory: ObjCBool = false
        let start = path == "-" ? fileManager.currentDirectoryPath : path
        var folder = URL(fileURLWithPath: start).standardizedFileURL
        if !(fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue) {
            folder = folder.deletingLastPathComponent()
        }
        while true {
            for name in names {
                let candidate = folder.appendingPathComponent(name).path
                if fileManager.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                    return shortened(candidate, fileManager: fileManager)
                }
            }
            // `.git` is a folder in a clone and a file in a worktree or submodule.
            if fileManager.fileExists(atPath: folder.appendingPathComponent(".git").path) { return nil }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// The file relative to the working directory when under it, as error messages name files.
    static func shortened(_ path: String, fileManager: FileManager) -> String {
        let base = URL(fileURLWithPath: fileManager.currentDirectoryPath).standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }
}

extension FailOn {
    /// The one that fails a run sooner.
    static func strictest(_ a: FailOn, _ b: FailOn) -> FailOn {
        func rank(_ f: FailOn) -> Int { switch f { case .review: 0; case .block: 1; case .never: 2 } }
        return rank(a) <= rank(b) ? a : b
    }
}

extension AcceptedFindings {
    /// The baseline named (if any) and the ignore file: `ignoreFile` when named (it must exist), else
    /// `.postguardignore` in the working directory or a folder above it, up to the repository root.
    public static func load(baseline: String?, ignoreFile: String?, fileManager: FileManager = .default) throws(AcceptanceError) -> AcceptedFindings {
        var accepted = AcceptedFindings()
        if let baseline { accepted.baseline = try BaselineFile.read(path: baseline) }
        if let file = ignoreFile ?? SettingsDiscovery.ignoreFile(fileManager: fileManager) {
            accepted.ignored = try IgnoreFile.read(path: file)
        }
        return accepted
    }
}

extension SettingsDiscovery {
    /// `.postguardignore` in the working directory or the nearest folder above it, up to the repository root.
    public static func ignoreFile(fileManager: FileManager = .default) -> String? {
        var folder = URL(fileURLWithPath: fileManager.currentDirectoryPath).standardizedFileURL
        while true {
            let candidate = folder.appendingPathComponent(IgnoreFile.name).path
            if fileManager.fileExists(atPath: candidate) { return shortened(candidate, fileManager: fileManager) }
            if fileManager.fileExists(atPath: folder.appendingPathComponent(".git").path) { return nil }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }
}
