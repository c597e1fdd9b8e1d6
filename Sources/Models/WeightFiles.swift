import Foundation
import TensorKit

/// The weight files of a Hugging Face checkpoint directory, memory-mapped (nothing is copied):
/// `model.safetensors`, or else every distinct shard named by `model.safetensors.index.json`
/// (`{"weight_map": {tensor name: shard file name}}`), with for each tensor name the file holding it.
/// Shared by `CLIPCheckpoint` and `DINOv2Weights(huggingFaceDirectory:)`.
public struct WeightFiles: Sendable {
    /// The opened files: the single file, or the shards in name order.
    public let files: [SafeTensorsFile]
    /// `model.safetensors`, or the index, for messages about the checkpoint's weights as a whole.
    public let source: String
    private let fileOfName: [String: Int]

    /// Opens the weights in `directory`.
    /// - Throws: `WeightFilesError` when there are no weights, the index is malformed or names a
    ///   missing shard; `SafeTensorsError` when a file is unreadable or malformed.
    public init(directory: URL) throws {
        let single = directory.appendingPathComponent("model.safetensors")
        let urls: [URL]
        if FileManager.default.fileExists(atPath: single.path) {
            (urls, source) = ([single], single.path)
        } else {
            let index = directory.appendingPathComponent("model.safetensors.index.json")
            (urls, source) = (try Self.shards(listedIn: index, directory: directory), index.path)
        }
        files = try urls.map { try SafeTensorsFile(contentsOf: $0) }
        var fileOfName: [String: Int] = [:]
        for (i, file) in files.enumerated() {
            for name in file.names { fileOfName[name] = i }
        }
        self.fileOfName = fileOfName
    }

    /// Every tensor name in the files, sorted.
    public var names: [String] { fileOfName.keys.sorted() }

    /// The file that holds tensor `name`, or `nil`.
    public func file(holding name: String) -> SafeTensorsFile? { fileOfName[name].map { files[$0] } }

    private static func shards(listedIn index: URL, directory: URL) throws(WeightFilesError) -> [URL] {
        guard FileManager.default.fileExists(atPath: index.path) else { throw .noWeights(directory: directory.path) }
        guard let data = FileManager.default.contents(atPath: index.path) else {
            throw .badIndex(file: index.path, reason: "cannot be read")
        }
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw .badIndex(file: index.path, reason: "is not a JSON object")
        }
        guard let map = root["weight_map"] as? [String: String] else {
            throw .badIndex(file: index.path, reason: "has no 'weight_map' object of tensor names to shard files")
        }
        return try Set(map.values).sorted().map { shard throws(WeightFilesError) in
            let url = directory.appendingPathComponent(shard)
            guard FileManager.default.fileExists(atPath: url.path) else { throw .missingShard(index: index.path, shard: shard) }
            return url
        }
    }
}

/// Why a checkpoint directory's weight files could not be found. Messages name the file.
public enum WeightFilesError: Error, CustomStringConvertible, Equatable {
    /// Neither `model.safetensors` nor `model.safetensors.index.json` is in `directory`.
    case noWeights(directory: String)
    /// The index cannot be read or lacks its `weight_map`.
    case badIndex(file: String, reason: String)
    /// The index names a shard that is not in the directory.
    case missingShard(index: String, shard: String)

    public var description: String {
        switch self {
        case .noWeights(let directory):
            return "'\(directory)' has no 'model.safetensors' (nor a sharded 'model.safetensors.index.json')"
        case .badIndex(let file, let reason):
            return "'\(file)' \(reason)"
        case .missingShard(let index, let shard):
            return "'\(index)' names shard '\(shard)', which is missing: download every shard listed in the index"
        }
    }
}
