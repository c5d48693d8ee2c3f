extension ComponentSpec {
    /// Whether the component may get taller when it is set wider, which row balancing
    /// (`SheetLayoutEngine.balancedRow`) must know to leave out only the arrangements that
    /// cannot help. Text never gets taller when wider: its lines break greedily, so a wider line
    /// holds at least what a narrower one did (paragraphs, lists, chips, the structure, the
    /// contact, whose address goes beside its label once there is room, the about text).
    /// A bar chart neither: its label column is 0.36 of the chart, or its longest broken word
    /// up to half the chart, and that never narrows as the chart widens (a wider chart whose
    /// labels no longer break has a column at least as wide as every word in them), so its rows
    /// keep as many lines or fewer. A donut does: its diameter is min(104 pt, 0.46 × width),
    /// which grows up to a column 226 pt wide, and its legend moves from under it to beside it.
    /// The title band too (it sets the name on more lines beside the logo, or under it, by what
    /// fits); no template puts it in a row.
    /// `ComponentWidthTests` checks both with fixed metrics on every sample at widths from 120
    /// to 400 pt.
    var heightMayGrowWithWidth: Bool {
        switch kind {
        case .donutChart, .titleBand: true
        case .pageHeader, .paragraphs, .keyFigures, .keywordChips, .barChart, .participationModel, .toolList, .bulletList,
             .structure, .contact, .about: false
        }
    }

    /// Whether the component is mostly running text, whose height goes about as the inverse
    /// of its width (the same area of text): paragraphs and lists. Charts, the contact and the
    /// like keep about their height. Only for guessing which arrangement of a row to try first;
    /// what is chosen is always laid out and measured.
    var heightGoesInverselyWithWidth: Bool {
        switch kind {
        case .paragraphs, .bulletList, .structure, .toolList, .keywordChips, .about: true
        case .titleBand, .pageHeader, .keyFigures, .barChart, .donutChart, .participationModel, .contact: false
        }
    }
}
