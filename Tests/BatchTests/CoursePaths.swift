import Foundation

/// Where the tests find the course: this package, built by `swift build --build-tests`.
enum CoursePaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let buildFolder = root.appendingPathComponent(".build/debug")
    static let binary = buildFolder.appendingPathComponent("vlm-course")
    static let solutions = root.appendingPathComponent("Sources/Solutions")
    static let stubs = root.appendingPathComponent("Stubs")

    /// A fresh temporary folder for one test.
    static func scratch(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vlm-batch-tests-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
