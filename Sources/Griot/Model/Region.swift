/// Regions group countries on the home page and in the relations index.
public enum Region {
    /// The one label for a country whose page gives no region.
    public static let unknown = "Region not given"
}
