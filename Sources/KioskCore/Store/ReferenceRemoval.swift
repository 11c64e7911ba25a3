import Vocabulary

/// A record that has left a terminal's jurisdiction since its last pull: removed at the centre, or
/// moved to a region the terminal does not serve. A page of changes carries these beside the rows,
/// so that the cache forgets what the centre no longer gives it, and the terminal's ledger says so.
public struct ReferenceRemoval: Hashable, Sendable {
    /// Which record, by its key in the cache.
    public enum Record: Hashable, Sendable {
        /// The person and everything the cache holds of them: enrolments, contributions,
        /// pension payments and cards.
        case person(idNumber: String)
        case enrolment(idNumber: String, insurance: InsuranceType, since: YearMonth)
        case card(cardNumber: String)
        case jobPosting(id: String)
        /// A staff account the centre no longer gives this terminal: reassigned elsewhere, or to a
        /// role that does not work at the terminals.
        case staff(id: String)

        /// What the centre's ``kind`` column and the wire call it.
        public var kind: String {
            switch self {
            case .person: "person"
            case .enrolment: "enrolment"
            case .card: "card"
            case .jobPosting: "jobPosting"
            case .staff: "staff"
            }
        }

        /// The record's key in one line, as the centre keeps it beside ``kind``.
        public var key: String {
            switch self {
            case .person(let idNumber): idNumber
            case .enrolment(let idNumber, let insurance, let since): "\(idNumber) \(insurance.rawValue) \(since)"
            case .card(let cardNumber): cardNumber
            case .jobPosting(let id), .staff(let id): id
            }
        }

        /// The record of a ``kind`` and ``key`` read back; nil for any other pair.
        public init?(kind: String, key: String) {
            switch kind {
            case "person": self = .person(idNumber: key)
            case "card": self = .card(cardNumber: key)
            case "jobPosting": self = .jobPosting(id: key)
            case "staff": self = .staff(id: key)
            case "enrolment":
                let parts = key.split(separator: " ")
                guard parts.count == 3, let insurance = InsuranceType(rawValue: String(parts[1])),
                    let since = YearMonth(parts[2])
                else { return nil }
                self = .enrolment(idNumber: String(parts[0]), insurance: insurance, since: since)
            default: return nil
            }
        }
    }

    /// Why the terminal no longer has it: the ledger entry's words.
    public enum Reason: String, Codable, Hashable, Sendable {
        /// Taken out of the centre's records.
        case removed
        /// Still at the centre, now in a region outside this terminal's jurisdiction.
        case movedOut = "moved-out"
    }

    public var record: Record
    public var reason: Reason

    public init(_ record: Record, reason: Reason) {
        self.record = record
        self.reason = reason
    }

    /// The terminal ledger's words for it. No ID number: the entry's subject names the person masked.
    public var ledgerDetail: String {
        let why =
            switch reason {
            case .removed: "removed at the centre"
            case .movedOut: "moved out of this terminal's jurisdiction"
            }
        return switch record {
        case .person: "person and their records \(why)"
        case .enrolment(_, let insurance, let since): "enrolment \(insurance.rawValue) since \(since) \(why)"
        case .card: "card \(why)"
        case .jobPosting: "job posting \(why)"
        case .staff: "staff account \(why)"
        }
    }
}

/// On the wire, one flat object: `{"kind": "enrolment", "idNumber": …, "insurance": …, "since":
/// "2019-07", "reason": "removed"}` (docs/SYNC.md).
extension ReferenceRemoval: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, reason, idNumber, insurance, since, cardNumber, id
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        let record: Record =
            switch kind {
            case "person": .person(idNumber: try container.decode(String.self, forKey: .idNumber))
            case "enrolment":
                .enrolment(
                    idNumber: try container.decode(String.self, forKey: .idNumber),
                    insurance: try container.decode(InsuranceType.self, forKey: .insurance),
                    since: try container.decode(YearMonth.self, forKey: .since))
            case "card": .card(cardNumber: try container.decode(String.self, forKey: .cardNumber))
            case "jobPosting": .jobPosting(id: try container.decode(String.self, forKey: .id))
            case "staff": .staff(id: try container.decode(String.self, forKey: .id))
            default:
                throw DecodingError.dataCorruptedError(
                    forKey: .kind, in: container, debugDescription: "no such kind of record to remove: \(kind)")
            }
        self.init(record, reason: try container.decode(Reason.self, forKey: .reason))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.kind, forKey: .kind)
        switch record {
        case .person(let idNumber):
            try container.encode(idNumber, forKey: .idNumber)
        case .enrolment(let idNumber, let insurance, let since):
            try container.encode(idNumber, forKey: .idNumber)
            try container.encode(insurance, forKey: .insurance)
            try container.encode(since, forKey: .since)
        case .card(let cardNumber):
            try container.encode(cardNumber, forKey: .cardNumber)
        case .jobPosting(let id), .staff(let id):
            try container.encode(id, forKey: .id)
        }
        try container.encode(reason, forKey: .reason)
    }
}
