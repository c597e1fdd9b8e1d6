/// Converts a documented subset of LaTeX math to readable Unicode text for a terminal.
///
/// ```text
/// \text{softmax}\left(\frac{QK^T}{\sqrt{d_k}} + M\right)V   →   softmax(QKᵀ/√dₖ + M)V
/// ```
///
/// Supported:
/// - `x^2`, `x^{ij}`, `x_k`, `x_{ij}`: Unicode super/subscripts when every character has one,
///   otherwise `^(…)` / `_(…)`;
/// - `\frac{a}{b}` → `a/b` (a part that contains spaces or operators gets parentheses);
/// - `\sqrt{x}` → `√x` (or `√(x + y)`);
/// - `\text{…}`, `\mathrm`, `\mathbf`, `\mathit`, `\operatorname` → their text; `\mathbb{R}` → `ℝ`;
/// - `\left` and `\right` are dropped (their delimiters stay); `\,` `\;` `\quad` → a space;
/// - Greek letters and the symbols in `UnicodeMath.symbols` (`\infty`, `\cdot`, `\times`,
///   `\to`, `\leq`, `\in`, `\sum`, …); `\{`, `\}`, `\|`.
///
/// Spacing is kept as written. Unknown commands are kept verbatim (`\foo`).
public enum UnicodeMath {
    /// `latex` as Unicode text.
    public static func render(_ latex: String) -> String {
        var reader = Reader(characters: Array(latex))
        return reader.sequence(until: nil)
    }

    static let symbols: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ",
        "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ",
        "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ",
        "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ",
        "Omega": "Ω", "infty": "∞", "cdot": "·", "times": "×", "to": "→", "rightarrow": "→",
        "leftarrow": "←", "Rightarrow": "⇒", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥",
        "neq": "≠", "ne": "≠", "approx": "≈", "sim": "∼", "propto": "∝", "in": "∈", "sum": "Σ",
        "prod": "∏", "ldots": "…", "dots": "…", "cdots": "⋯", "top": "⊤", "odot": "⊙",
        "otimes": "⊗", "oplus": "⊕", "partial": "∂", "nabla": "∇", "forall": "∀", "pm": "±",
        "mid": "|", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "langle": "⟨",
        "rangle": "⟩", "ell": "ℓ", "log": "log", "exp": "exp", "max": "max", "min": "min",
        "{": "{", "}": "}", "|": "‖", ",": " ", ";": " ", "quad": " ", "qquad": "  ", "!": "",
        "left": "", "right": "", "\\": " ",
    ]

    static let superscripts: [Character: Character] = Dictionary(uniqueKeysWithValues: zip(
        "0123456789+-−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW⊤",
        "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵀ"))

    static let subscripts: [Character: Character] = Dictionary(uniqueKeysWithValues: zip(
        "0123456789+-−=()aehijklmnoprstuvxβγρφχ",
        "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ"))

    static let blackboard: [Character: String] = ["R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ"]

    /// `text` as super/subscript characters, or `marker` + `text` (parenthesised if longer than one).
    static func script(_ text: String, table: [Character: Character], marker: String) -> String {
        let mapped = text.compactMap { table[$0] }
        if !text.isEmpty && mapped.count == text.count { return String(mapped) }
        return text.count == 1 ? marker + text : marker + "(" + text + ")"
    }

    /// `text`, in parentheses when it has more than one character and contains spaces or operators.
    static func grouped(_ text: String) -> String {
        let needsParentheses = text.count > 1 && text.contains { " +-−=,/".contains($0) }
        return needsParentheses ? "(" + text + ")" : text
    }
}
