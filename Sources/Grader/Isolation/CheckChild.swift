import Solutions
import Contracts
import Foundation

/// The child's side of grading one piece: runs each check's learner half and appends its
/// evidence to the result file the grader created. Never decides a verdict.
public enum CheckChild {
    /// Environment variables through which the grader hands over the result channel. The child
    /// reads and removes them before any learner code runs.
    public static let resultFileVariable = "VLM_COURSE_RESULT_FILE"
    public static let nonceVariable = "VLM_COURSE_RESULT_NONCE"

    public enum Failure: Error, CustomStringConvertible {
        case noChannel
        case unknownPiece(String)
        public var description: String {
            switch self {
            case .noChannel: "the runner is started by `vlm-course check`; it needs the grader's result channel"
            case .unknownPiece(let id): "unknown piece \(id)"
            }
        }
    }

    /// Runs piece `id`'s checks with `implementations` and exits the process.
    /// - Parameter timeout: seconds; an orphaned child (grader killed) stops itself after this plus 2.
    public static func run(piece id: String, implementations: Implementations, context: CheckContext,
                           timeout: Int) throws -> Never {
        guard let piece = PieceID(rawValue: id) else { throw Failure.unknownPiece(id) }
        let environment = ProcessInfo.processInfo.environment
        guard let path = environment[resultFileVariable], let nonce = environment[nonceVariable].flatMap(hexBytes),
              nonce.count == 16 else { throw Failure.noChannel }
        unsetenv(resultFileVariable)
        unsetenv(nonceVariable)
        let checks = PieceChecks.checks(for: piece)
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { throw Failure.noChannel }
        alarm(UInt32(max(1, timeout + 2)))
        Pieces.install(implementations)
        for (index, check) in checks.enumerated() {
            let before = Pieces.callCounts
            var evidence = check.observe(implementations, context)
            if let problem = undeclaredCalls(by: piece, since: before) {
                evidence = Evidence()
                evidence.record(problem: problem)
            }
            writeAll(fd, EvidenceCodec.encode(evidence, checkIndex: index, nonce: nonce))
        }
        close(fd)
        exit(0)
    }

    /// `<id> --fixtures <dir> [--timeout s] [--stand-ins a,b] [--solutions]`, as `PieceRunner` passes
    /// them: the entry point of the learner's runner and of the test fixtures. Exits the process.
    public static func runFromCommandLine(_ arguments: [String], learner: Implementations) -> Never {
        func option(_ name: String) -> String? {
            arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        }
        let standIns = pieces(option("--stand-ins"))
        let base = arguments.contains("--solutions") ? Reference.implementations : learner
        do {
            let valued: Set = ["--fixtures", "--timeout", "--stand-ins"]
            let positional = arguments.indices.filter { i in
                !arguments[i].hasPrefix("--") && !(i > 0 && valued.contains(arguments[i - 1]))
            }
            guard let first = positional.first, let fixtures = option("--fixtures") else { throw Failure.noChannel }
            let id = arguments[first]
            try run(piece: id, implementations: base.replacing(standIns, from: Reference.implementations),
                    context: CheckContext(fixtures: URL(fileURLWithPath: fixtures)),
                    timeout: option("--timeout").flatMap { Int($0) } ?? 10)
        } catch {
            FileHandle.standardError.write(Data("runner: \(error)\n".utf8))
            exit(1)
        }
    }

    /// A piece may call only its dependencies through `Pieces`: any other call since `before` is a
    /// problem naming it (another piece's answer is not this piece's work, and it is the reference's
    /// answer while this piece is graded).
    static func undeclaredCalls(by piece: PieceID, since before: [PieceID: Int]) -> String? {
        let called = Pieces.callCounts.filter { $0.value > before[$0.key, default: 0] }.keys
        let undeclared = PieceID.allCases.filter { called.contains($0) && $0 != piece && !piece.info.dependencies.contains($0) }
        guard !undeclared.isEmpty else { return nil }
        let allowed = piece.info.dependencies.map(\.rawValue)
        return "\(piece.rawValue) calls " + undeclared.map { "the \($0.rawValue) piece (Pieces.…)" }.joined(separator: " and ")
            + ", which it may not use: a piece may call only "
            + (allowed.isEmpty ? "no other piece" : "the pieces it builds on (\(allowed.joined(separator: ", ")))")
            + ". Compute it in your own code."
    }

    /// The pieces of a comma-separated id list (`--stand-ins`); unknown ids are skipped.
    public static func pieces(_ list: String?) -> [PieceID] {
        (list ?? "").split(separator: ",").compactMap { PieceID(rawValue: String($0)) }
    }

    private static func writeAll(_ fd: Int32, _ data: Data) {
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, base + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }
    }

    static func hexBytes(_ hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        return stride(from: 0, to: digits.count, by: 2).compactMap {
            UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)
        }
    }
}
