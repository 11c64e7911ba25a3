# The two commands README.md gives: `make run` (the main job on the virtual rig) and `make test`
# (the whole test suite). Both install what they need and bring the rig up; both are idempotent.
SWIFT ?= swift
RIG := hardware/rig/rig
BIN := .build/debug

.PHONY: deps build rig-up rig-down run test bench package package-test udev-install

deps:
	hardware/rig/install-deps

build: deps
	$(SWIFT) build

rig-up: build
	SSKIOSK_BIN=$(BIN)/sskiosk $(RIG) up

rig-down:
	$(RIG) down

# The terminal service on the rig, its readers and queues named by hardware/rig/terminal.json: the
# resident's simulated card in slot 0, the PSAM in slot 1, the printers behind cupsd, synthetic demo
# data in an embedded SQLite database, the API on http://127.0.0.1:8080 (Ctrl-C stops it; `make
# rig-down` stops the rig). The demo's ledger key is made beside its database on the first run.
DEMO_DB ?= /var/lib/sskiosk/demo.sqlite
DEMO_LEDGER_KEY ?= /var/lib/sskiosk/demo-ledger.key
run: rig-up
	$(BIN)/sskiosk serve --config hardware/rig/terminal.json --database $(DEMO_DB) --ledger-key $(DEMO_LEDGER_KEY) --demo --psam-reader "Virtual PCD 00 01"

# Unit tests first, then the kiosk shell's and the rig tests on their own: CPU-heavy property tests
# would otherwise share the two cores with Chromium and with rig tests that wait for pcscd and cupsd.
test: rig-up
	$(SWIFT) build --build-tests
	hardware/postgres/postgres-up
	$(RIG) reset
	$(SWIFT) test --skip-build --skip RigTests --skip KioskShellTests
	$(SWIFT) test --skip-build --filter KioskShellTests
	$(SWIFT) test --skip-build --filter RigTests
	CONFIGURATION=debug packaging/test-install --build

# The Debian packages (sskiosk, sskiosk-centre, sskiosk-kiosk) in .build-package/debs, from a release
# build with the Swift runtime linked in. package-test builds them twice (this version and a ~prev one)
# and installs, upgrades and purges them in a debootstrap root; `test` does the same from a debug build,
# as a cold release build alone would take most of CI's time on two cores.
package: deps
	packaging/build-debs

package-test: deps
	packaging/test-install --build

bench: rig-up
	SCRATCH=.build-bench Benchmarks/APDURoundTrip/run
	SCRATCH=.build-bench Benchmarks/TownshipLoad/run
	SCRATCH=.build-bench Benchmarks/CardRead/run
	SCRATCH=.build-bench Benchmarks/Diagnostics/run
	SCRATCH=.build-bench Benchmarks/TerminalQueries/run
	SCRATCH=.build-bench Benchmarks/DocumentRender/run
	hardware/postgres/postgres-up
	SCRATCH=.build-bench Benchmarks/Sync/run
	SCRATCH=.build-bench Benchmarks/CountyFigures/run

# The udev rules for the catalogue's devices (udev/). The group comes first: udev ignores a GROUP=
# naming a group that does not exist when it loads the rules. Reloads and re-applies the rules
# when udevd runs (on the virtual rig, in a container, it does not; the files are still placed).
UDEV_RULES_DIR ?= /etc/udev/rules.d
udev-install:
	getent group sskiosk >/dev/null || groupadd --system sskiosk
	install -d $(UDEV_RULES_DIR)
	install -m 0644 udev/60-sskiosk.rules udev/93-sskiosk-autosuspend.rules $(UDEV_RULES_DIR)/
	if command -v udevadm >/dev/null && udevadm control --ping --timeout=2 2>/dev/null; then \
		udevadm control --reload && udevadm trigger --action=change --subsystem-match=usb; \
	else \
		echo "udev-install: udevd is not running; the rules apply from its next start"; \
	fi
