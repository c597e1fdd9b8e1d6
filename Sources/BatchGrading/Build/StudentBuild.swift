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
/// Every step runs in `CompileSandbox` under `CompileLimits`, with the course's warmed module
/// cache read-only; the compiler never runs the student's code. `CompilerVerdict` decides whether
/// a failed step is the student's (`failed`) or the grader's (`graderError`).
public struct StudentBuild: Sendable {
    public let artifacts: CourseArtifacts
    public var sandbox: CompileSandbox
    /// The program every step starts, `swiftc` and its flags being its first arguments.
    public var compiler = "/usr/bin/env"
    /// Below this much free space in the work folder, a failed step is blamed on the disk.
    let minimumFree: Int64

    public init(artifacts: CourseArtifacts, sandbox: CompileSandbox) {
        self.artifacts = artifacts
        self.sandbox = sandbox
        minimumFree = SpacePreflight.perStudent(library: artifacts.library)
    }

    public enum Outcome: Sendable, Equatable {
        case built(URL)
        /// compile-error: compiler diagnostics (paths relative to the submission) or the limit that stopped it.
        case failed([String])
        /// grader-error: the machine failed, not the code; the cause.
        case graderError(String)
    }

    /// Builds `submission` into `<work>/bin/runner`; `worker` picks the sandbox's cgroup.
    public func build(_ submission: PreparedSubmission, work: URL, worker: Int) -> Outcome {
        if let refusal = ForbiddenCode.scan(submission) { return .failed(refusal) }
        let module = work.appendingPathComponent("module"), bin = work.appendingPathComponent("bin")
        let object = module.appendingPathComponent("Exercises.o"), binary = bin.appendingPathComponent("runner")
        do {
            for folder in [module, bin, work.appendingPathComponent("tmp")] {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
        } catch {
            return .graderError("cannot create the build folders in \(work.path): \(error)")
        }
        let step = CompileStep(build: self, submission: submission, work: work, worker: worker)
        let compile = artifacts.swiftc + ["-wmo", "-parse-as-library", "-module-name", "Exercises",
                                          "-I", artifacts.studentModules.path, "-emit-module", "-emit-module-path",
                                          module.appendingPathComponent("Exercises.swiftmodule").path,
                                          "-c", "-o", object.path] + submission.compileInputs
        if let stop = step.run(compile) { return stop.outcome() }
        let linkInputs = [object.path, "-L", artifacts.buildFolder.path, "-lCourseKit", "-lopenblas", "-use-ld=lld",
                          "-o", binary.path]
        if let runnerObject = artifacts.runnerObject {
            // The student's object first: the driver writes `runner.autolink` beside the first object,
            // which must be the student's own (writable) folder.
            guard let stop = step.run(["swiftc", object.path, runnerObject.path] + linkInputs.dropFirst()) else {
                return .built(binary)
            }
            // Student errors here mean the symbols do not match: compile the runner against this module.
            if case .student = stop {} else { return stop.outcome() }
        }
        let link = artifacts.swiftc + ["-module-name", "BatchRunner", "-I", module.path, "-I", artifacts.runnerModules.path,
                                       artifacts.runnerSource.path] + linkInputs
        if let stop = step.run(link) {
            return stop.outcome(explaining: "your files compile, but the course cannot use them (a piece's type was renamed, "
                + "or no longer conforms to its protocol):")
        }
        return .built(binary)
    }
}
