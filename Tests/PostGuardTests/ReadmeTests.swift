// The README's console example is real output: each `$ printf '...' | postguard ...` line in it is
// run, and what follows it (up to the next `$`) must be exactly what the binary prints.
import Foundation
import Testing

@Suite("README")
struct ReadmeTests {
    @Test("The console example in the README is what the binary prints")
    func consoleExample() throws {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let block = try #require(readme.components(separatedBy: "```console\n").dropFirst().first?.components(separatedBy: "```").first)
        var checked = 0
        var lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        while let line = lines.popFirst() {
            guard line.hasPrefix("$ printf '"), let pipe = line.range(of: "' | postguard ") else { continue }
            let input = String(line[line.index(line.startIndex, offsetBy: 10)..<pipe.lowerBound])
            let arguments = line[pipe.upperBound...].split(separator: " ").map(String.init)
            let expected = lines.prefix { !$0.hasPrefix("$ ") }.joined(separator: "\n")
            let run = try runPostGuard(arguments, stdin: input)
            #expect(run.stdout.trimmingCharacters(in: .newlines) == expected.trimmingCharacters(in: .newlines), "\(line)")
            checked += 1
        }
        #expect(checked >= 2)
    }
}
