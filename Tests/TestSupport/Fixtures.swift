import Foundation
import TensorKit

/// Locates the committed PyTorch fixtures in `Tests/Fixtures` (see its README).
public enum Fixtures {
    public static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    public static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }
}

extension Fixtures {
    /// Opens fixture `name` (e.g. `"randn.safetensors"`) as a memory-mapped safetensors file.
    public static func safetensors(_ name: String) throws -> SafeTensorsFile {
        try SafeTensorsFile(contentsOf: url(name))
    }

    /// Tensor `tensor` of fixture file `file`.
    public static func tensor(_ file: String, _ tensor: String) throws -> Tensor {
        try safetensors(file).tensor(tensor)
    }
}

/// Number of positions where `a` and `b` differ bit for bit (or in shape: then every element).
public func bitMismatches(_ a: Tensor, _ b: Tensor) -> Int {
    guard a.shape == b.shape else { return max(a.count, b.count) }
    return zip(a.scalars, b.scalars).filter { $0.bitPattern != $1.bitPattern }.count
}

/// Largest absolute elementwise difference (infinity when shapes differ).
public func maxAbsDifference(_ a: Tensor, _ b: Tensor) -> Float {
    guard a.shape == b.shape else { return .infinity }
    return zip(a.scalars, b.scalars).map { abs($0 - $1) }.max() ?? 0
}

/// Executables built next to the running test bundle (`.build/debug/…`).
public enum BuiltProducts {
    public static let directory: URL = {
        let bundleFolder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        if FileManager.default.fileExists(atPath: bundleFolder.appendingPathComponent("vlm-course").path) {
            return bundleFolder
        }
        return packageRoot.appendingPathComponent(".build/debug")
    }()

    /// The package's root folder (the one holding `Package.swift`).
    public static let packageRoot: URL = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent()

    public static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
}
