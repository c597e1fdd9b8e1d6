import Foundation
import Testing

/// Compares text with a committed golden file in `Tests/FiguresTests/Goldens`; with
/// `RECORD_GOLDENS=1` in the environment it writes the file instead (and the check is skipped).
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Goldens")

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        let firstDifference = zip(expected.split(separator: "\n", omittingEmptySubsequences: false),
                                  actual.split(separator: "\n", omittingEmptySubsequences: false))
            .enumerated().first { $0.element.0 != $0.element.1 }
        #expect(actual == expected,
                "\(name) differs from its golden at line \((firstDifference?.offset ?? -1) + 1); re-record with RECORD_GOLDENS=1 if intended",
                sourceLocation: sourceLocation)
    }
}
