/// The checks of the card path, configured for one terminal: pcscd, the readers, the card and its
/// latency, the PSAM, and whether this user may open the readers.
public struct ReaderDiagnostics: Sendable {
    /// The reader residents insert their card into; `nil`: the first reader holding a card.
    public var cardReader: String?
    /// The reader slot holding the PSAM (issuance desks); `nil`: the terminal has none, no PSAM check.
    public var psamReader: String?
    /// How many APDUs the latency check exchanges.
    public var roundTrips: Int
    /// The group the terminal service runs in.
    public var serviceGroup: String
    /// A resident's session holds the card: it is left alone (no card or latency check).
    public var cardInUse: Bool

    public init(
        cardReader: String? = nil, psamReader: String? = nil, roundTrips: Int = 20, serviceGroup: String = "sskiosk",
        cardInUse: Bool = false
    ) {
        self.cardReader = cardReader
        self.psamReader = psamReader
        self.roundTrips = roundTrips
        self.serviceGroup = serviceGroup
        self.cardInUse = cardInUse
    }

    public var checks: [any Check] {
        let choice = CardReaderChoice(configured: cardReader, psamReader: psamReader)
        var expected: [(role: String, reader: String)] = []
        if let cardReader { expected.append(("card reader", cardReader)) }
        if let psamReader { expected.append(("PSAM reader", psamReader)) }
        var checks: [any Check] = [PCSCDaemonCheck(), ReadersCheck(expected: expected)]
        if cardInUse {
            checks.append(CardInUseCheck(reader: cardReader))
        } else {
            checks += [CardCheck(choice: choice), RoundTripCheck(choice: choice, exchanges: roundTrips)]
        }
        if let psamReader { checks.append(PSAMCheck(reader: psamReader)) }
        checks.append(ReaderAccessCheck(serviceGroup: serviceGroup))
        return checks
    }
}
