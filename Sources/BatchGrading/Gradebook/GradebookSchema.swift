import GRDB

/// The gradebook's tables, created by a GRDB migration.
///
/// - `submission`: student (key), contentHash (SHA-256 of the normalised files), rubric
///   (fingerprint), outcome, messages, score, maxScore, buildSeconds, runSeconds, gradedAt.
/// - `piece_result`: student, piece, position, status, points, maxPoints, standIns, output.
/// - `check_result`: student, piece, position, name, status, points, maxPoints, message.
/// - `grading_count`: student, saves — bumped by a trigger on every insert into `submission`.
enum GradebookSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE submission (
                    student TEXT PRIMARY KEY NOT NULL, contentHash TEXT NOT NULL, rubric TEXT NOT NULL,
                    outcome TEXT NOT NULL, messages TEXT NOT NULL, score REAL NOT NULL, maxScore REAL NOT NULL,
                    buildSeconds REAL NOT NULL, runSeconds REAL NOT NULL, gradedAt DATETIME NOT NULL);
                CREATE TABLE piece_result (
                    student TEXT NOT NULL REFERENCES submission(student) ON DELETE CASCADE,
                    piece TEXT NOT NULL, position INTEGER NOT NULL, status TEXT NOT NULL, points REAL NOT NULL,
                    maxPoints REAL NOT NULL, standIns TEXT NOT NULL, output TEXT NOT NULL,
                    PRIMARY KEY (student, piece));
                CREATE TABLE check_result (
                    student TEXT NOT NULL, piece TEXT NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL,
                    status TEXT NOT NULL, points REAL NOT NULL, maxPoints REAL NOT NULL, message TEXT NOT NULL,
                    PRIMARY KEY (student, piece, position),
                    FOREIGN KEY (student, piece) REFERENCES piece_result(student, piece) ON DELETE CASCADE);
                CREATE TABLE grading_count (student TEXT PRIMARY KEY NOT NULL, saves INTEGER NOT NULL);
                CREATE TRIGGER count_grading AFTER INSERT ON submission BEGIN
                    INSERT INTO grading_count (student, saves) VALUES (NEW.student, 1)
                    ON CONFLICT(student) DO UPDATE SET saves = saves + 1;
                END;
                """)
        }
        return migrator
    }
}
