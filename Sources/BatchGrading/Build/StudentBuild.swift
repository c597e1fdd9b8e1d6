import Foundation
import Grader

/// Compiles one student's files into a runner binary against the prebuilt course.
///
/// 1. The student's files alone → module `Exercises` (`-Onone -wmo`, one object), seeing only
///    TensorKit and Contracts.
/// 2. That object linked with the precompiled runner (`RunnerObject`) and `libCourseKit.a` (lld);
///    if the symbols do not match, the runner's `main.swift` is compiled against the student's
///    module and linked instead.
///
/// Both steps are bounded by `timeout`; the compiler never runs the student's code.
public struct StudentBuild: Sendable {
    public let artifacts: CourseArtifacts
    public var timeout: TimeInterval = 120
    public var swiftc = "/usr/bin/env"

    public init(artifacts: CourseArtifacts) { self.artifacts = artifacts }

    public enum Outcome: Sendable {
        case built(URL)
        /// Compiler diagnostics (paths relative to the submission) or the reason the build stopped.
        case failed([String])
    }

    /// Builds `submission` into `<work>/bin/runner`.
    public func build(_ submission: PreparedSubmission, work: URL) -> Outcome {
        if let refusal = ForbiddenCode.scan(submission) { return .failed(refusal) }
        let module = work.appendingPathComponent("module"), bin = work.appendingPathComponent("bin")
        let object = module.appendingPathComponent("Exercises.o"), binary = bin.appendingPathComponent("runner")
        do {
            for folder in [module, bin] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        } catch {
            return .failed(["cannot create \(module.path): \(error)"])
        }
        let compile = artifacts.swiftc + ["-wmo", "-parse-as-library", "-module-name", "Exercises",
                                          "-I", artifacts.studentModules.path, "-emit-module", "-emit-module-path",
                                          module.appendingPathComponent("Exercises.swiftmodule").path,
                                          "-c", "-o", object.path] + submission.compileInputs
        let prefixes = [submission.sourceFolder.path + "/", artifacts.runnerSource.deletingLastPathComponent().path + "/"]
        if let errors = run(compile, trimming: prefixes) { return .failed(errors) }
        let linkInputs = [object.path, "-L", artifacts.buildFolder.path, "-lCourseKit", "-lopenblas", "-use-ld=lld",
                          "-o", binary.path]
        if let runnerObject = artifacts.runnerObject, run(["swiftc", runnerObject.path] + linkInputs, trimming: []) == nil {
            return .built(binary)
        }
        let link = artifacts.swiftc + ["-module-name", "BatchRunner", "-I", module.path, "-I", artifacts.runnerModules.path,
                                       artifacts.runnerSource.path] + linkInputs
        if let errors = run(link, trimming: prefixes) {
            return .failed(["your files compile, but the course cannot use them (a piece's type was renamed, "
                + "or no longer conforms to its protocol):"] + errors)
        }
        return .built(binary)
    }

    /// Runs one compiler step; nil on success, else its error lines (without the source excerpts
    /// of the new diagnostic style, and with `prefixes` removed from paths).
    private func run(_ arguments: [String], trimming prefixes: [String]) -> [String]? {
        guard let outcome = try? ChildProcess.run(swiftc, arguments, environment: ProcessInfo.processInfo.environment,
                                                  timeout: timeout, outputCap: 65_536) else {
            return ["could not start swiftc: is Swift on the PATH?"]
        }
        switch outcome.termination {
        case .exited(0): return nil
        case .timedOut: return ["the compiler did not finish within \(Int(timeout)) s"]
        default:
            let log = prefixes.reduce(outcome.stdout + "\n" + outcome.stderr) { $0.replacingOccurrences(of: $1, with: "") }
            var seen = Set<String>()
            let errors = log.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { $0.contains("error:") && !$0.hasPrefix("|") && seen.insert($0).inserted }
            return errors.isEmpty ? Array(log.split(separator: "\n").suffix(15).map(String.init)) : errors
        }
    }
}
