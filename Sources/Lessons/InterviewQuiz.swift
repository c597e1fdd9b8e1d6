/// One question at a time: show it, wait for Enter, show the answer, ask "known or again?".
///
/// Questions marked known are skipped; when every question is known, all are asked again.
/// Input ends cleanly: at end of input (no stdin, Ctrl-D) the quiz stops and keeps what was
/// marked so far.
public struct InterviewQuiz {
    /// All questions, in lesson order.
    public var questions: [InterviewQuestion]
    /// The marks so far; updated as the learner answers.
    public var state: QuizState
    /// Renders blocks for display.
    public var render: ([Block]) -> String

    /// A quiz over `questions` starting from `state`; `render` turns an answer into text.
    public init(questions: [InterviewQuestion], state: QuizState, render: @escaping ([Block]) -> String) {
        self.questions = questions
        self.state = state
        self.render = render
    }

    /// Runs the quiz; `readLine` returns `nil` at end of input, `save` is called after every mark.
    public mutating func run(readLine: () -> String?, write: (String) -> Void,
                             save: (QuizState) throws(CourseError) -> Void) throws(CourseError) {
        var queue = questions.filter { !state.known.contains($0.id) }
        if queue.isEmpty {
            write("Every question is marked known; going through all \(questions.count) again.\n")
            queue = questions
        }
        for (index, question) in queue.enumerated() {
            write("\n[\(index + 1)/\(queue.count)] \(question.title)\n")
            write("Press Enter to see the answer.\n")
            guard readLine() != nil else { return stop(write) }
            write(render(question.answer))
            guard let known = askKnown(readLine: readLine, write: write) else { return stop(write) }
            state.mark(question.id, known: known)
            try save(state)
        }
        write("\nDone: \(state.known.count) of \(questions.count) questions known.\n")
    }

    /// `true` for "k", `false` for "a" (or an empty line), `nil` for "q" or end of input.
    private func askKnown(readLine: () -> String?, write: (String) -> Void) -> Bool? {
        while true {
            write("Did you know it? [k]nown / [a]gain / [q]uit: ")
            guard let line = readLine() else { return nil }
            switch Substring(line).trimmingSpaces.lowercased() {
            case "k", "known", "y", "yes": return true
            case "a", "again", "n", "no", "": return false
            case "q", "quit": return nil
            default: write("Please type k, a or q.\n")
            }
        }
    }

    private func stop(_ write: (String) -> Void) {
        write("\nQuiz stopped; \(state.known.count) of \(questions.count) questions known so far.\n")
    }
}
