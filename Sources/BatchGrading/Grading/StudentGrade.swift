import Foundation

/// Everything the batch learned about one student's submission: what the gradebook stores and
/// every export is made from.
public struct StudentGrade: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable, CaseIterable {
        /// Compiled and every piece was run (whatever the pieces' verdicts).
        case graded
        /// The files did not compile (or reached for the solutions); `messages` has the errors.
        case compileError = "compile-error"
        /// No Swift files at all.
        case empty
        /// Could not be read: a broken or oversized archive, a file of another type.
        case rejected
        /// The machine failed, not the student (no space, the runner or sandbox gone, the compiler
        /// killed from outside); `messages` says what. Not a grade: the next run grades it again.
        case graderError = "grader-error"
    }

    public let student: String
    public let contentHash: String
    public let outcome: Outcome
    /// Compiler errors, unpacking notes, missing-file notes.
    public let messages: [String]
    /// One per catalog piece, in course order (0 points when not graded).
    public let pieces: [PieceGrade]
    public let buildSeconds: Double
    public let runSeconds: Double
    public let gradedAt: Date

    public init(student: String, contentHash: String, outcome: Outcome, messages: [String], pieces: [PieceGrade],
                buildSeconds: Double, runSeconds: Double, gradedAt: Date) {
        self.student = student
        self.contentHash = contentHash
        self.outcome = outcome
        self.messages = messages
        self.pieces = pieces
        self.buildSeconds = buildSeconds
        self.runSeconds = runSeconds
        self.gradedAt = gradedAt
    }

    public var score: Double { pieces.reduce(0) { $0 + $1.points } }
    public var maxScore: Double { pieces.reduce(0) { $0 + $1.maxPoints } }
    /// False for a grader error: the student has no grade yet.
    public var isFinal: Bool { outcome != .graderError }

    public func piece(_ id: String) -> PieceGrade? { pieces.first { $0.piece == id } }
}

/// One piece of one student: the grader's verdict with the rubric's points.
public struct PieceGrade: Codable, Sendable, Equatable {
    public let piece: String
    /// A `CheckStatus` raw value (pass, fail, todo, crash, timeout, compile-error, grader-error), or
    /// the submission's outcome (empty, rejected) when the piece could not be run.
    public let status: String
    public let points: Double
    public let maxPoints: Double
    public let standIns: [String]
    /// What the student's code printed (capped by the grader).
    public let output: String
    public let checks: [CheckGrade]

    public init(piece: String, status: String, points: Double, maxPoints: Double, standIns: [String], output: String,
                checks: [CheckGrade]) {
        self.piece = piece
        self.status = status
        self.points = points
        self.maxPoints = maxPoints
        self.standIns = standIns
        self.output = output
        self.checks = checks
    }
}

/// One check of one piece.
public struct CheckGrade: Codable, Sendable, Equatable {
    public let name: String
    public let status: String
    public let points: Double
    public let maxPoints: Double
    public let message: String

    public init(name: String, status: String, points: Double, maxPoints: Double, message: String) {
        self.name = name
        self.status = status
        self.points = points
        self.maxPoints = maxPoints
        self.message = message
    }
}
