import Contracts

/// What each CLI subcommand does, one function per command: find the course, build the text,
/// present it. Errors are `CourseError`s for the CLI to report.
public enum ReadingCommands {
    /// `vlm-course`: the course map with progress.
    public static func map(display: Display) throws(CourseError) {
        let root = try CourseRoot.find()
        let lessons = try LessonLibrary(root: root).lessons()
        display.present(display.text(CourseMap.lines(lessons: lessons, done: try root.donePieces())))
    }

    /// `vlm-course lessons`: one line per lesson.
    public static func list(display: Display) throws(CourseError) {
        let lessons = try LessonLibrary(root: CourseRoot.find()).lessons()
        let slugWidth = (lessons.map(\.slug.count).max() ?? 0) + 2
        let lines: [StyledLine] = lessons.map { lesson in
            let exercises = lesson.exerciseIDs.isEmpty ? "reading" : lesson.exerciseIDs.joined(separator: ", ")
            let label = lesson.label + String(repeating: " ", count: max(3 - lesson.label.count, 1))
            return [Span(" " + label), Span(lesson.slug, .cyan),
                    Span(String(repeating: " ", count: slugWidth - lesson.slug.count)),
                    Span(lesson.title, .bold), Span("  (\(exercises))", .dim)]
        }
        display.present(display.text(lines))
    }

    /// `vlm-course show <lesson>`: the lesson with its code included and, if `runCells`, cell output;
    /// answers stay hidden until their piece passes, and cells run the learner's pieces that passed
    /// through `learner`.
    public static func show(_ selector: String, runCells: Bool, display: Display,
                            learner: LearnerCellRun? = nil) throws(CourseError) {
        let root = try CourseRoot.find()
        let library = try LessonLibrary(root: root)
        let lesson = LessonIncludes.resolve(try library.lesson(library.entry(selector)), root: root, runCells: runCells,
                                            color: display.color, width: display.width, done: try root.donePieces(),
                                            learner: learner)
        display.present(display.text(display.renderer.lines(for: lesson.blocks)))
    }

    /// `vlm-course interview`: every question of the last lesson with its answer.
    public static func interview(display: Display) throws(CourseError) {
        let questions = try interviewQuestions(root: CourseRoot.find())
        display.present(display.text(display.renderer.lines(for: questions.flatMap(\.blocks))))
    }

    /// `vlm-course interview --quiz`: one question at a time, remembering what the learner knows.
    public static func quiz(display: Display) throws(CourseError) {
        let root = try CourseRoot.find()
        var quiz = InterviewQuiz(questions: try interviewQuestions(root: root), state: try QuizState.load(root: root)) {
            display.text(display.renderer.lines(for: $0))
        }
        try quiz.run(readLine: { Swift.readLine() }, write: { print($0, terminator: "") },
                     save: { (state: QuizState) throws(CourseError) in try state.save(root: root) })
    }

    private static func interviewQuestions(root: CourseRoot) throws(CourseError) -> [InterviewQuestion] {
        let library = try LessonLibrary(root: root)
        guard let last = library.entries.last else { throw .unreadable(path: "lessons/") }
        let questions = InterviewQuestion.all(in: try library.lesson(last))
        guard !questions.isEmpty else {
            throw .malformed(path: last.path, reason: "it has no `## Q1: …` question headings")
        }
        return questions
    }
}
