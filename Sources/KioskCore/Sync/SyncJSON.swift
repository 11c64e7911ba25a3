import Foundation

/// The JSON of outbox payloads, JSON columns and the sync protocol: keys sorted, so one command
/// always has the same bytes, and dates as whole milliseconds since 1970, so that they survive the
/// trip to the centre and back exactly.
public enum SyncJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.milliseconds)
        }
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            Date(milliseconds: try decoder.singleValueContainer().decode(Int64.self))
        }
        return decoder
    }
}
