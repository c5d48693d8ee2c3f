/// A component lays out one part of a sheet in a given width, or returns nil when the profile
/// has nothing for it (the section then disappears and the page re-flows).
protocol SheetComponent {
    func layout(_ context: LayoutContext, width: Double) -> Frame?
}
