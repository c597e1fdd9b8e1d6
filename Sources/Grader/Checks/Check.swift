import Contracts
import Foundation
import TensorKit

/// One named check of a piece, split in two halves so that the verdict never depends on code
/// running next to the learner's:
/// - `produce` runs in the child process with the learner's implementations and records what
///   their code returned (`Evidence`);
/// - `judge` runs in the grader's process: it recomputes the expected values with the reference
///   and throws `CheckFailure` with the evidence a learner can act on.
public struct Check: Sendable {
    public let name: String
    let produce: @Sendable (Implementations, CheckContext) throws -> Evidence
    let judge: @Sendable (Evidence, CheckContext) throws -> Void

    public init(_ name: String,
                produce: @escaping @Sendable (Implementations, CheckContext) throws -> Evidence,
                judge: @escaping @Sendable (Evidence, CheckContext) throws -> Void) {
        self.name = name
        self.produce = produce
        self.judge = judge
    }

    /// Runs the learner's half: evidence, or the problem that stopped the check from running.
    public func observe(_ implementations: Implementations, _ context: CheckContext) -> Evidence {
        do {
            return try produce(implementations, context)
        } catch {
            var evidence = Evidence()
            evidence.record(problem: "\(error)")
            return evidence
        }
    }

    /// Judges evidence against the reference.
    public func verdict(_ evidence: Evidence, _ context: CheckContext) -> CheckResult {
        if let problem = evidence.problem { return CheckResult(name: name, status: .fail, message: problem) }
        do {
            try judge(evidence, context)
            return CheckResult(name: name, status: .pass)
        } catch {
            return CheckResult(name: name, status: .fail, message: "\(error)")
        }
    }
}

/// Where checks find the PyTorch fixtures (`Tests/Fixtures` of the course).
public struct CheckContext: Sendable {
    public let fixtures: URL

    public init(fixtures: URL) { self.fixtures = fixtures }

    /// Opens fixture file `name`, or fails the check with a message saying which file is missing.
    public func fixture(_ name: String) throws -> SafeTensorsFile {
        do {
            return try SafeTensorsFile(contentsOf: fixtures.appendingPathComponent(name))
        } catch {
            throw CheckFailure("cannot read the PyTorch fixture \(name) in \(fixtures.path): \(error)")
        }
    }
}

/// A check that did not hold; `message` is shown to the learner.
public struct CheckFailure: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
