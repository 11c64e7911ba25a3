// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "sskiosk",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sskiosk", targets: ["SSKioskCLI"]),
        .library(name: "SmartCard", targets: ["SmartCard"]),
        .library(name: "CardSimulator", targets: ["CardSimulator"]),
        .library(name: "CardCrypto", targets: ["CardCrypto"]),
        .library(name: "SocialSecurityCard", targets: ["SocialSecurityCard"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
    ],
    targets: [
        // C libraries, one thin system-library target each.
        .systemLibrary(
            name: "CPCSCLite",
            pkgConfig: "libpcsclite",
            providers: [.apt(["libpcsclite-dev"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),

        // PC/SC: contexts, readers, monitor, card sessions, APDUs, ATRs. No social-security knowledge.
        .target(
            name: "SmartCard",
            dependencies: [
                "CPCSCLite",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // The card's cryptography (3DES, SM4, MACs, session keys, diversification) over libcrypto.
        .target(name: "CardCrypto", dependencies: ["CCrypto"]),
        // The social security card: profile, codecs, reading, PIN, keys, secure messaging, personalisation.
        .target(name: "SocialSecurityCard", dependencies: ["SmartCard", "CardCrypto"]),
        // Virtual cards behind vpcd's reader slots.
        .target(
            name: "CardSimulator",
            dependencies: [
                "SmartCard",
                "SocialSecurityCard",
                "CardCrypto",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "SSKioskCLI",
            dependencies: [
                "SmartCard",
                "SocialSecurityCard",
                "CardCrypto",
                "CardSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "APDURoundTripBenchmark",
            dependencies: ["SmartCard"],
            path: "Benchmarks/APDURoundTrip/Swift"
        ),
        .executableTarget(
            name: "CardReadBenchmark",
            dependencies: [
                "SmartCard",
                "SocialSecurityCard",
                "CardSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/CardRead/Swift"
        ),

        // Synthetic cards and test keys for the card tests, in process and on the rig (`package` access).
        .target(
            name: "CardTestSupport",
            dependencies: ["SocialSecurityCard", "CardSimulator", "CardCrypto", "SmartCard"],
            path: "Tests/CardTestSupport"
        ),

        .testTarget(name: "SmartCardTests", dependencies: ["SmartCard", "CardSimulator"]),
        .testTarget(name: "CardCryptoTests", dependencies: ["CardCrypto"]),
        .testTarget(
            name: "SocialSecurityCardTests",
            dependencies: ["SocialSecurityCard", "CardSimulator", "CardCrypto", "SmartCard", "CardTestSupport"]
        ),
        .testTarget(
            name: "RigTests",
            dependencies: ["SmartCard", "CardSimulator", "SocialSecurityCard", "CardCrypto", "CardTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
