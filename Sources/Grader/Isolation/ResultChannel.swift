import Foundation

/// The file a check child appends its evidence to: created empty by the grader in a private
/// temporary folder (mode 0700), with a random 16-byte nonce that every record must start with.
struct ResultChannel {
    let directory: String
    let path: String
    let nonce: [UInt8]

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/vlm-course-check.XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
        guard let made else {
            throw CheckFailure("cannot create a temporary folder for the check results: \(String(cString: strerror(errno)))")
        }
        directory = String(cString: made)
        path = directory + "/results.bin"
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CheckFailure("cannot create \(path): \(String(cString: strerror(errno)))") }
        close(fd)
        var generator = SystemRandomNumberGenerator()
        nonce = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    var nonceHex: String { nonce.map { String(format: "%02x", $0) }.joined() }

    /// The records written so far, and why reading stopped early, if it did.
    func read() -> (records: [Evidence], problem: String?) {
        guard let data = FileManager.default.contents(atPath: path) else { return ([], "the result file is gone") }
        return EvidenceCodec.decodeAll(data, nonce: nonce)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
