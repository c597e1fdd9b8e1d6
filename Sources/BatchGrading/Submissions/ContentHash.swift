import Foundation
import Grader

/// SHA-256 of a submission's normalised files, computed by coreutils' `sha256sum`.
///
/// Normalised: the files sorted by their path relative to the exercises folder, each written as
/// `path NUL byte-count NUL content` with CRLF line ends turned into LF, so re-zipping or
/// re-checking-out the same code gives the same hash.
public enum ContentHash {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static func of(_ files: [(relative: String, contents: Data)], scratch: URL) throws -> String {
        var manifest = Data()
        for file in files.sorted(by: { $0.relative < $1.relative }) {
            let text = normalise(file.contents)
            manifest.append(Data("\(file.relative)\0\(text.count)\0".utf8))
            manifest.append(text)
        }
        try manifest.write(to: scratch)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outcome = try ChildProcess.run("/usr/bin/sha256sum", [scratch.path], environment: [:], timeout: 30)
        guard outcome.termination == .exited(0), let hash = outcome.stdout.split(separator: " ").first,
              hash.count == 64 else {
            throw Failure(description: "sha256sum failed: \(outcome.stderr)")
        }
        return String(hash)
    }

    private static func normalise(_ data: Data) -> Data {
        var out = Data(capacity: data.count)
        var previous: UInt8 = 0
        for byte in data {
            if previous == 13 && byte == 10 { out[out.count - 1] = 10 } else { out.append(byte) }
            previous = byte
        }
        return out
    }
}

extension ContentHash {
    /// SHA-256 of a file's raw bytes (for submissions that cannot be unpacked).
    public static func ofFile(_ url: URL) -> String {
        guard let outcome = try? ChildProcess.run("/usr/bin/sha256sum", [url.path], environment: [:], timeout: 120),
              outcome.termination == .exited(0), let hash = outcome.stdout.split(separator: " ").first else { return "" }
        return String(hash)
    }
}
