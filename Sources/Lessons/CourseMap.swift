import Contracts

/// The course at a glance: the lessons (a part's further lesson files as 3b, …), each lesson's
/// exercises with a done mark, and where to continue: the lesson to read, the file to write and the
/// command that checks it.
public enum CourseMap {
    /// The map for `lessons` given the pieces that are `done`.
    public static func lines(lessons: [Lesson], done: Set<PieceID>) -> [StyledLine] {
        let progress = Dictionary(uniqueKeysWithValues: PieceID.allCases.map { ($0.rawValue, done.contains($0)) })
        var lines: [StyledLine] = [[Span("vlm-course: attention in LLMs, ViTs and vision-language models", .bold)], []]
        for lesson in lessons {
            let kind = lesson.exerciseIDs.isEmpty ? "  (reading)" : ""
            lines.append([Span(pad(" \(lesson.label)", to: 4)), Span(lesson.title, .bold), Span(kind, .dim)])
            for id in lesson.exerciseIDs {
                let done = progress[id] == true
                lines.append([Span("      "), done ? Span("✓", .green) : Span("○", .dim), Span(" " + id)])
            }
        }
        let allIDs = lessons.flatMap(\.exerciseIDs)
        let doneCount = allIDs.filter { progress[$0] == true }.count
        lines += [[], [Span("\(doneCount) of \(allIDs.count) exercises done.")]]
        lines += continuation(lessons: lessons, progress: progress)
        return lines
    }

    private static func continuation(lessons: [Lesson], progress: [String: Bool]) -> [StyledLine] {
        for lesson in lessons {
            guard let id = lesson.exerciseIDs.first(where: { progress[$0] != true }) else { continue }
            let path = Catalog.exercise(id)?.file ?? "Sources/Exercises"
            return [
                [Span("Continue with lesson \(lesson.label), exercise ", .bold), Span(id, [.bold, .cyan]), Span(":")],
                ExerciseLoop.line("read", "vlm-course show \(lesson.label)", indent: 2),
                ExerciseLoop.line("write", path, indent: 2),
                ExerciseLoop.line("check", "vlm-course check \(id)", note: "or vlm-course watch", indent: 2),
            ]
        }
        return [[Span("Every exercise is done. Practise explaining it: "), Span("vlm-course interview --quiz", .cyan)]]
    }

    private static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(width - text.count, 0))
    }
}
