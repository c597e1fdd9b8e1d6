import Foundation

/// Paths the lesson tests read: the fixture folder, the goldens and the package root.
enum TestPaths {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent().path

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: testsFolder.appendingPathComponent("Fixtures/" + name), encoding: .utf8)
    }

    /// Compares `actual` with `Goldens/<name>`; with `RECORD_GOLDENS=1` writes it instead.
    static func golden(_ name: String, matches actual: String) throws -> Bool {
        let url = testsFolder.appendingPathComponent("Goldens/" + name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return true
        }
        return try String(contentsOf: url, encoding: .utf8) == actual
    }

    /// A fresh empty directory under the system temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vlm-course-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
