import SheetCore
import SheetLayout

/// Stage 4: one profile laid out on the template, for the paper chosen.
public enum LayoutStage {
    public static func run(
        _ profile: Profile, inputs: RunInputs, configuration: RunConfiguration, measurer: any TextMeasurer
    ) -> LayoutResult {
        let engine = SheetLayoutEngine(template: inputs.template, measurer: measurer)
        let options = LayoutOptions(paper: configuration.paper, date: configuration.date, creator: configuration.creator, language: configuration.language)
        return engine.layout(profile, taxonomy: inputs.taxonomy, options: options)
    }
}
