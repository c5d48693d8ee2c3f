/// The rules of a breakdown as a whole, shared by profiles and survey shares.
public enum BreakdownRules {
    /// The problem with `breakdown`, if any: 1–10 categories summing to 100 ± 1.
    public static func check(_ breakdown: Breakdown, field: String) -> FieldProblem? {
        let count = breakdown.shares.count
        if count < ProfileSchema.breakdownCategories.lowerBound {
            return FieldProblem("'\(field)' has no categories", hint: "give at least one category with its percentage, or remove the key")
        }
        if count > ProfileSchema.breakdownCategories.upperBound {
            return FieldProblem("'\(field)' has \(count) categories", hint: "at most \(ProfileSchema.breakdownCategories.upperBound) are allowed; fold the smallest into 'other'")
        }
        let total = (breakdown.total * 10).rounded() / 10
        if abs(total - 100) > 1 + 1e-9 {
            let shown = total == total.rounded() ? String(Int(total)) : String(total)
            return FieldProblem("'\(field)' adds up to \(shown) percent", hint: "the percentages must sum to 100 (± 1)")
        }
        return nil
    }
}
