import Foundation

/// Locates the committed PyTorch fixtures in `Tests/Fixtures` (see its README).
public enum Fixtures {
    public static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    public static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }
}
