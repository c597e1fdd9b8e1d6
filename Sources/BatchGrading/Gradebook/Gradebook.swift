import Foundation
import GRDB

/// The SQLite gradebook of a batch (`OUT_DIR/gradebook.sqlite`), in WAL mode.
///
/// Each student is written in one transaction (old rows replaced), so a run stopped by Ctrl-C
/// or `kill -9` keeps every student it finished and loses only the one in progress. Schema
/// (see `GradebookSchema`): `submission` (one row per student), `piece_result`, `check_result`.
///
/// Several processes may open the same gradebook: a second `grade` on the same folder, or
/// anything following a running batch's progress. Setting a new file up is not safe twice at
/// once: switching it to WAL fails at once with "database is locked" while another connection
/// has the file open (SQLite does not wait there), and GRDB's migrator reads which migrations
/// ran before it takes the write lock, so both openers create the tables and the later one fails
/// with "table submission already exists". So the setup runs under `SetupLock`, one opener at a time.
public final class Gradebook: Sendable {
    private let pool: DatabasePool

    public init(url: URL) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        pool = try SetupLock.holding(for: url) {
            let pool = try DatabasePool(path: url.path, configuration: configuration)
            try GradebookSchema.migrator.migrate(pool)
            return pool
        }
    }

    /// The content hash, rubric fingerprint and outcome the student was last saved with.
    public func gradedVersion(of student: String) throws -> (contentHash: String, rubric: String, outcome: String)? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT contentHash, rubric, outcome FROM submission WHERE student = ?",
                             arguments: [student])
                .map { ($0["contentHash"], $0["rubric"], $0["outcome"]) }
        }
    }

    /// Replaces the student's rows with `grade`, atomically.
    public func save(_ grade: StudentGrade, rubric: String) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM submission WHERE student = ?", arguments: [grade.student])
            try db.execute(sql: """
                INSERT INTO submission (student, contentHash, rubric, outcome, messages, score, maxScore,
                                        buildSeconds, runSeconds, gradedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [grade.student, grade.contentHash, rubric, grade.outcome.rawValue,
                                 grade.messages.joined(separator: "\n"), grade.score, grade.maxScore,
                                 grade.buildSeconds, grade.runSeconds, grade.gradedAt])
            for (order, piece) in grade.pieces.enumerated() {
                try db.execute(sql: """
                    INSERT INTO piece_result (student, piece, position, status, points, maxPoints, standIns, output)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [grade.student, piece.piece, order, piece.status, piece.points, piece.maxPoints,
                                     piece.standIns.joined(separator: ","), piece.output])
                for (position, check) in piece.checks.enumerated() {
                    try db.execute(sql: """
                        INSERT INTO check_result (student, piece, position, name, status, points, maxPoints, message)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [grade.student, piece.piece, position, check.name, check.status, check.points,
                                         check.maxPoints, check.message])
                }
            }
        }
    }

    /// Every graded student, by name.
    public func all() throws -> [StudentGrade] {
        try pool.read { db in
            let checks = Dictionary(grouping: try Row.fetchAll(db, sql: "SELECT * FROM check_result ORDER BY position")) {
                "\($0["student"] as String)\u{0}\($0["piece"] as String)"
            }
            let pieces = Dictionary(grouping: try Row.fetchAll(db, sql: "SELECT * FROM piece_result ORDER BY position")) {
                $0["student"] as String
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM submission ORDER BY student").map { row in
                let student: String = row["student"]
                return StudentGrade(
                    student: student, contentHash: row["contentHash"],
                    outcome: StudentGrade.Outcome(rawValue: row["outcome"]) ?? .rejected,
                    messages: (row["messages"] as String).split(separator: "\n").map(String.init),
                    pieces: (pieces[student] ?? []).map { piece(from: $0, checks: checks["\(student)\u{0}\($0["piece"] as String)"] ?? []) },
                    buildSeconds: row["buildSeconds"], runSeconds: row["runSeconds"], gradedAt: row["gradedAt"])
            }
        }
    }

    /// How many times each student was saved (tests use it to prove nothing was graded twice).
    public func saveCounts() throws -> [String: Int] {
        try pool.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT student, saves FROM grading_count").map {
                ($0["student"] as String, $0["saves"] as Int)
            })
        }
    }

    private func piece(from row: Row, checks: [Row]) -> PieceGrade {
        PieceGrade(piece: row["piece"], status: row["status"], points: row["points"], maxPoints: row["maxPoints"],
                   standIns: (row["standIns"] as String).split(separator: ",").map(String.init), output: row["output"],
                   checks: checks.map {
                       CheckGrade(name: $0["name"], status: $0["status"], points: $0["points"], maxPoints: $0["maxPoints"],
                                  message: $0["message"])
                   })
    }
}
