# gongkai — the two commands a new user runs:
#   make demo   installs what is missing, builds, renders the bundled example
#   make test   installs what is missing, builds, runs every test
#   make web    builds the web front end (web/dist, served by `gongkai serve` at /app/)
BUILD ?= build
JOBS ?= 2
EXAMPLE ?= examples/xinzhou-gov-office-2023.yaml
OUT ?= out

.PHONY: all bootstrap configure build web demo test bench format clean

all: build

bootstrap:
	@bash scripts/bootstrap.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

configure: $(BUILD)/build.ninja

build: bootstrap configure
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	$(BUILD)/gongkai render $(EXAMPLE) -o $(OUT)
	$(BUILD)/gongkai render $(EXAMPLE) -o $(OUT) --format json
	$(BUILD)/gongkai render $(EXAMPLE) -o $(OUT) --format pdf
	$(BUILD)/gongkai render $(EXAMPLE) -o $(OUT) --format xlsx
	$(BUILD)/gongkai render examples/dongxihu-finance-2023.yaml -o $(OUT)
	$(BUILD)/gongkai render examples/putuo-finance-2024-final.yaml -o $(OUT) --format pdf
	@$(BUILD)/gongkai check $(EXAMPLE) --format html -o $(OUT) > /dev/null || true  # the published seed has errors: exit 1 is expected
	@echo "生成的公开文件：$(OUT)/$(notdir $(basename $(EXAMPLE))).html（.json .pdf .xlsx）；审核报告：$(OUT)/$(notdir $(basename $(EXAMPLE))).check.html"

# The web front end: npm ci only when the lockfile changed, vite build only when a source did.
WEB_SOURCES := $(shell find web/src -type f 2>/dev/null) web/index.html web/vite.config.js

web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund

web/dist/index.html: web/node_modules/.package-lock.json $(WEB_SOURCES)
	cd web && npx vite build --logLevel warn

web: bootstrap web/dist/index.html

test: build web
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	$(BUILD)/bench/gongkai_bench
	bash bench/render_batch.sh $(BUILD)
	bash bench/check_batch.sh $(BUILD)
	bash bench/office_batch.sh $(BUILD)

format:
	find src tests bench -name '*.cc' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(OUT)
