import Contracts
import Foundation

/// `vlm-course autograder --github`: the GitHub Classroom workflow (`.github/workflows/classroom.yml`)
/// of an assignment made from the course repository.
///
/// The student owns the repository, the grader and the reference in it included, so the workflow
/// grades with the instructor's course at a pinned commit and takes only the student's
/// `Sources/Exercises`: one `classroom-resources/autograding-command-grader@v1` step per piece
/// (`vlm-course check <id>`, all its points when it exits 0), then the
/// `classroom-resources/autograding-grading-reporter@v1` step, which reads each grader step's
/// result from the `<ID>_RESULTS` variables. Names follow the reporter's documentation: the
/// workflow is "Autograding Tests" and its one job `run-autograding-tests`, or Classroom ignores
/// the grade.
public struct ClassroomWorkflow: Sendable {
    public static let path = ".github/workflows/classroom.yml"
    /// Debian/Ubuntu packages: Swift's own needs on Ubuntu 24.04, then the course's C libraries
    /// (Package.swift's `.apt` names, `libjpeg-dev` standing for Debian's `libjpeg62-turbo-dev`).
    static let packages = ["binutils", "git", "gnupg2", "libc6-dev", "libcurl4-openssl-dev", "libedit2", "libgcc-13-dev",
                           "libncurses-dev", "libpython3-dev", "libsqlite3-0", "libstdc++-13-dev", "libxml2-dev", "libz3-dev",
                           "pkg-config", "tzdata", "unzip", "zlib1g-dev", "libopenblas-dev", "libcmark-dev", "libcairo2-dev",
                           "libpng-dev", "libjpeg-dev", "libarchive-dev", "libsqlite3-dev"]
    /// Minutes each piece's step may take (the command grader's unit).
    static let stepMinutes = 5

    public let graderRepository: String
    public let graderCommit: String
    public let rubric: Rubric
    public let swiftVersion: String

    /// A bad flag or rubric, in one line.
    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    /// Checks the inputs: `repository` a URL git can fetch from (no spaces or quotes), `commit` a
    /// full 40-digit commit id, and whole points per piece (the command grader reads `max-score`
    /// with `parseInt`, which would drop a fraction).
    public init(graderRepository: String, graderCommit: String, rubric: Rubric, swiftVersion: String = "6.3.1") throws {
        let schemes = ["https://", "http://", "ssh://", "git://", "file://", "git@"]
        guard schemes.contains(where: graderRepository.hasPrefix),
              !graderRepository.contains(where: { $0.isWhitespace || "'\"\\`$".contains($0) || $0.asciiValue.map { $0 < 32 } == true })
        else {
            throw Invalid("--grader-repository must be the URL of the instructor's repository (https://…, "
                + "ssh://…, git@host:owner/name or file://…) without spaces or quotes; got \"\(graderRepository)\"")
        }
        let commit = graderCommit.lowercased()
        guard commit.count == 40, commit.allSatisfy(\.isHexDigit) else {
            throw Invalid("--grader-commit must be a full 40-digit commit id (git rev-parse HEAD), "
                + "not a branch or a short id; got \"\(graderCommit)\"")
        }
        for exercise in Catalog.exercises {
            let points = rubric.piecePoints(exercise.id)
            guard abs(points - points.rounded()) < 1e-9 else {
                throw Invalid("\(exercise.id) is worth \(GradesCSV.number(points)) points; GitHub Classroom's command grader "
                    + "takes whole points per step: give each piece a whole number of points in the rubric")
            }
        }
        self.graderRepository = graderRepository
        self.graderCommit = commit
        self.rubric = rubric
        self.swiftVersion = swiftVersion
    }

    /// One grader step per piece, in course order: (id, command, max-score).
    public var pieceSteps: [(id: String, command: String, maxScore: Int)] {
        Catalog.exercises.map { ($0.id, ClassroomScripts.checkPiece($0.id), Int(rubric.piecePoints($0.id).rounded())) }
    }

    public func render() -> String {
        var lines = [
            "# Written by `vlm-course autograder --github`: grades Sources/Exercises with the course at",
            "# \(graderRepository) @ \(graderCommit).",
            "name: Autograding Tests", "'on':", "  - push", "  - workflow_dispatch",
            "permissions:", "  checks: write", "  actions: read", "  contents: read",
            "jobs:", "  run-autograding-tests:", "    runs-on: ubuntu-24.04",
            "    if: github.actor != 'github-classroom[bot]'", "    steps:",
            "      - name: Check out the submission", "        uses: actions/checkout@v4",
            "        with:", "          path: submission",
        ]
        let runs = [
            ("Take the grader from the instructor's repository at the pinned commit",
             ClassroomScripts.takeGrader(repository: graderRepository, commit: graderCommit)),
            ("List files changed outside Sources/Exercises (not graded)",
             ClassroomScripts.listChangedFiles(commit: graderCommit, workflowPath: Self.path)),
            ("Install the Debian packages and Swift \(swiftVersion)",
             ClassroomScripts.install(swiftVersion: swiftVersion, packages: Self.packages)),
            ("Build the course", ClassroomScripts.build),
            ("Take only Sources/Exercises from the submission", ClassroomScripts.takeExercises),
        ]
        for (name, script) in runs {
            lines += ["      - name: \(Self.quoted(name))", "        run: |"] + script.split(separator: "\n").map { "          \($0)" }
        }
        for step in pieceSteps {
            lines += ["      - name: \(step.id)", "        id: \(step.id)",
                      "        uses: classroom-resources/autograding-command-grader@v1", "        with:",
                      "          test-name: \(step.id)", "          command: \(Self.quoted(step.command))",
                      "          timeout: \(Self.stepMinutes)", "          max-score: \(step.maxScore)"]
        }
        lines += ["      - name: Autograding Reporter", "        uses: classroom-resources/autograding-grading-reporter@v1",
                  "        env:"]
        lines += pieceSteps.map { "          \($0.id.uppercased())_RESULTS: \"${{ steps.\($0.id).outputs.result }}\"" }
        lines += ["        with:", "          runners: \(pieceSteps.map(\.id).joined(separator: ","))"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the workflow under `repository`; returns its URL.
    public func write(into repository: URL) throws -> URL {
        let url = repository.appendingPathComponent(Self.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(render().utf8).write(to: url, options: .atomic)
        return url
    }

    /// A YAML single-quoted scalar.
    static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
