/// What a reader of one workbook part (an XML file inside the .xlsx) does with the SAX2 events
/// of ``WorkbookPartParser``: element starts with their attributes, text, element ends.
///
/// Names are local names (without namespace prefix); attribute values are decoded.
protocol WorkbookPartHandler: AnyObject {
    /// An element starts.
    func start(_ name: String, attributes: [String: String]) throws(RecordLoadError)
    /// Text inside the current element (called several times for long text).
    func text(_ bytes: UnsafeBufferPointer<UInt8>)
    /// The current element ends.
    func end(_ name: String) throws(RecordLoadError)
}
