#include "draw/pdf_renderer.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "base/chinese_numerals.h"
#include "draw/pdf_glyph_batch.h"
#include "draw/pdf_pages.h"
#include "draw/pdf_table_layout.h"
#include "draw/pdf_text.h"
#include "render/compression_level.h"
#include "render/table_grid.h"

namespace gongkai {
namespace pdf {
namespace {

// ---------------------------------------------------------------------------------------------
// The document.

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

class PdfDocument {
 public:
  explicit PdfDocument(const Document& doc) : doc_(doc) {}

  // Pass 1: shapes and paginates everything.
  void Lay() {
    LayCover();
    Flow body(&body_, PageKind::kBody);
    LayExplanation(&body);
    LayTables(&body);
    LayGlossary(&body);
    LayContents();
    AddRunningHeads();
  }

  // Pass 2: draws the pages.
  bool Draw(std::string* pdf, std::string* error);

 private:
  size_t AddAnchor(const Flow& flow, PageKind kind) {
    anchors_.push_back(Anchor{kind, flow.page_index(), flow.y()});
    return anchors_.size() - 1;
  }
  size_t AbsolutePage(PageKind kind, size_t index) const {
    switch (kind) {
      case PageKind::kCover:
        return index;
      case PageKind::kContents:
        return cover_.size() + index;
      case PageKind::kBody:
        return cover_.size() + contents_.size() + index;
    }
    return index;
  }

  // Centered text across the content box at the cursor.
  void PlaceCentered(Flow* flow, std::string_view text, const Style& style) {
    double width = flow->geo().right - flow->geo().left;
    Text* t = shaper_.Shape(text, style, Wrap::kAlways, width);
    flow->PlaceText(*t, flow->geo().left);
  }

  void LayCover() {
    Flow flow(&cover_, PageKind::kCover);
    flow.NewPage(false);
    flow.Advance(55 * kMm);
    PlaceCentered(&flow, doc_.department, {Face::kHei, 24, 1.2, PANGO_ALIGN_CENTER});
    flow.Advance(8 * kMm);
    PlaceCentered(&flow, doc_.frame.cover_title, {Face::kHei, 32, 1.2, PANGO_ALIGN_CENTER});
    double rule_y = flow.y() + 10 * kMm;
    double mid = kPortrait.width / 2;
    flow.Add(LineOp{mid - 45 * kMm, rule_y, mid + 45 * kMm, rule_y, 1.2, false});
    flow.Advance(16 * kMm);
    PlaceCentered(&flow, doc_.frame.cover_contents, {Face::kSong, 14, 1.2, PANGO_ALIGN_CENTER});
    // Department and year at the foot of the cover. The disclosure is published within 20
    // days of the budget's approval, early in the fiscal year itself, so the year printed
    // is the fiscal year.
    flow.Advance(kPortrait.bottom - 40 * kMm - flow.y());
    PlaceCentered(&flow, doc_.department, {Face::kSong, 16, 1.2, PANGO_ALIGN_CENTER});
    flow.Advance(3 * kMm);
    PlaceCentered(&flow, fmt::format("{}年", doc_.year),
                  {Face::kSong, 16, 1.2, PANGO_ALIGN_CENTER});
  }

  // A part starts a page: "第一部分" and its title on two lines, as the official documents
  // print it (the department's full name does not fit on one line with it).
  // The outline gives the part's short title ("公开说明"), where the department is implied.
  void PartTitle(Flow* flow, const DocumentFrame::Part& part) {
    flow->NewPage(false);
    flow->Advance(4 * kMm);
    entries_.push_back({0, part.number + " " + part.title, part.number + " " + part.short_title,
                        AddAnchor(*flow, PageKind::kBody)});
    bool long_title = part.short_title != part.title;
    PlaceCentered(flow, part.number + (long_title ? "\n" : " ") + part.title, kPartTitle);
    flow->Advance(8 * kMm);
  }

  double BodyLine() const { return kBodyText.size * 1.45 * kBodyText.line_spacing; }

  void LayExplanation(Flow* flow) {
    const double width = kPortrait.right - kPortrait.left;
    PartTitle(flow, doc_.frame.parts[0]);
    for (const auto& s : doc_.sections) {
      std::string title = s.number + "、" + s.title;
      Text* t = shaper_.Shape(title, kSectionTitle, Wrap::kAlways, width);
      if (!flow->AtTop()) flow->Advance(3 * kMm);
      // Keep a title with the first two lines of what follows.
      flow->EnsureSpace(t->height + 2 * BodyLine());
      entries_.push_back({1, title, title, AddAnchor(*flow, PageKind::kBody)});
      flow->PlaceText(*t, kPortrait.left);
      flow->Advance(2 * kMm);
      for (const auto& p : s.paragraphs) {
        if (p.kind == Paragraph::kHeading) {
          Text* h = shaper_.Shape(p.text, kSubheading, Wrap::kAlways, width);
          flow->Advance(1 * kMm);
          flow->EnsureSpace(h->height + 2 * BodyLine());
          entries_.push_back({2, p.text, p.text, AddAnchor(*flow, PageKind::kBody)});
          flow->PlaceText(*h, kPortrait.left);
        } else {
          flow->PlaceText(*shaper_.Shape(p.text, kBodyText, Wrap::kAlways, width), kPortrait.left);
        }
        flow->Advance(1 * kMm);
      }
    }
  }

  void LayTables(Flow* flow) {
    PartTitle(flow, doc_.frame.parts[1]);
    // The list of tables under the part title, as the official documents print it.
    Table list;
    list.title = doc_.frame.tables_contents;
    list.header = {{Cell::Text("序号"), Cell::Text("表号"), Cell::Text("表名")}};
    int n = 0;
    for (const auto& t : doc_.tables) {
      list.rows.push_back(
          Row{RowKind::kPlain,
              {Cell::Text(ChineseNumber(++n)), Cell::Text(t.number), Cell::Text(t.title)}});
    }
    list.numeric_columns = {false, false, false};
    continued_ = list.title + "（续）";
    PlaceTableBody(flow, list, LayOutTable(&shaper_, list));
    n = 0;
    for (const auto& t : doc_.tables) LayTable(flow, t, ++n);
  }

  void LayTable(Flow* flow, const Table& t, int ordinal) {
    LaidTable laid = LayOutTable(&shaper_, t);
    flow->NewPage(laid.landscape);
    const Geometry& g = flow->geo();
    double width = g.right - g.left;
    std::string outline = t.number.empty() ? t.title : t.number + " " + t.title;
    entries_.push_back(
        {1, ChineseNumber(ordinal) + "、" + t.title, outline, AddAnchor(*flow, PageKind::kBody)});
    if (!t.number.empty()) {
      flow->PlaceText(*shaper_.Shape(t.number, kTableNumber), g.left);
      flow->Advance(1 * kMm);
    }
    flow->PlaceText(*shaper_.Shape(t.title, kTableTitle, Wrap::kAlways, width), g.left);
    flow->Advance(3 * kMm);
    Text* unit = shaper_.Shape(t.unit_label, kTableMeta);
    Text* dept = shaper_.Shape(doc_.frame.owner, kTableMeta, Wrap::kIfNeeded,
                               width - unit->width - 10 * kMm);
    flow->Add(TextOp{unit, 0, unit->lines.size(), g.right - unit->width, flow->y()});
    flow->PlaceText(*dept, g.left);
    flow->Advance(1.5 * kMm);
    continued_ = (t.number.empty() ? "" : t.number + " ") + t.title + "（续）";
    PlaceTableBody(flow, t, laid);
    if (!t.notes.empty()) flow->Advance(1.5 * kMm);
    for (const auto& note : t.notes) {
      flow->PlaceText(*shaper_.Shape(note, kTableNote, Wrap::kAlways, width), g.left);
    }
  }

  // Cells of one row (or of the header) at `top`: shading first, then text, then borders, so
  // that no shading covers a neighbour's border.
  static void PlaceCells(Flow* flow, const std::vector<CellBox>& cells, double top) {
    for (const auto& c : cells) {
      if (c.shaded) flow->Add(RectOp{c.x, top + c.y, c.w, c.h, kShade, 0});
    }
    for (const auto& c : cells) {
      if (!c.text) continue;
      const Text& t = *c.text;
      // Wrapped text is aligned by pango inside its wrap width; align that box in the cell.
      double box = t.wrapped ? t.wrap_width : t.width;
      double x = c.x + kCellPadX + c.indent;
      if (c.align == Align::kRight) x = c.x + c.w - kCellPadX - box;
      if (c.align == Align::kCenter) x = c.x + (c.w - box) / 2;
      double y = top + c.y + (c.h - t.height) / 2;
      flow->Add(TextOp{&t, 0, t.lines.size(), x, y});
    }
    for (const auto& c : cells) flow->Add(RectOp{c.x, top + c.y, c.w, c.h, -1, kRule});
  }

  static void PlaceHeader(Flow* flow, const LaidTable& laid) {
    PlaceCells(flow, laid.header, flow->y());
    flow->Advance(laid.header_height);
  }

  // Opens the next page of a table: a 续 caption and the header rows again.
  void ContinueTable(Flow* flow, const Table& t, const LaidTable& laid) {
    flow->NewPage(laid.landscape);
    if (!t.number.empty() || !t.title.empty()) {
      flow->PlaceText(*shaper_.Shape(continued_, kTableMeta), flow->geo().left, 0.3);
      flow->Advance(1 * kMm);
    }
    PlaceHeader(flow, laid);
  }

  // The grid: header rows, then body rows; a row that does not fit opens a new page, which
  // starts with a 续 caption and the header rows again. A heading row inside a form stays
  // with the row under it.
  void PlaceTableBody(Flow* flow, const Table& t, const LaidTable& laid) {
    double first = laid.rows.empty() ? 0 : laid.rows.front().height;
    flow->EnsureSpace(laid.header_height + std::min(first, 30 * kMm));
    PlaceHeader(flow, laid);
    // Room for rows on a page that holds only the caption and the header.
    const double page_room = flow->geo().bottom - flow->geo().top - laid.header_height - 8 * kMm;
    for (size_t r = 0; r < laid.rows.size(); ++r) {
      const LaidRow& row = laid.rows[r];
      if (row.height > page_room) {
        PlaceTallRow(flow, t, laid, row);
        continue;
      }
      double need = row.height;
      for (size_t k = r; k + 1 < laid.rows.size() && laid.rows[k].keep_with_next; ++k) {
        // A tall next row is split anyway: its first lines are enough.
        const double next = laid.rows[k + 1].height;
        need += next > page_room ? 3 * kTableSize * 1.45 + 2 * kCellPadY : next;
      }
      need = std::min(need, page_room);
      if (flow->y() + need > flow->geo().bottom + 0.01) ContinueTable(flow, t, laid);
      PlaceCells(flow, row.cells, flow->y());
      flow->Advance(row.height);
    }
  }

  // A row taller than a page (long text in a form) is split between lines: each page shows
  // the lines of every cell that fit, top-aligned, and the rest continues on the next.
  void PlaceTallRow(Flow* flow, const Table& t, const LaidTable& laid, const LaidRow& row) {
    std::vector<size_t> next(row.cells.size(), 0);
    auto done = [&] {
      for (size_t i = 0; i < row.cells.size(); ++i) {
        if (row.cells[i].text && next[i] < row.cells[i].text->lines.size()) return false;
      }
      return true;
    };
    bool fresh = false;  // just continued: go on even if the room is small
    while (!done()) {
      double room = flow->geo().bottom - flow->y() - 2 * kCellPadY;
      if (room < 3 * kTableSize * 1.45 && !fresh) {
        ContinueTable(flow, t, laid);
        fresh = true;
        continue;
      }
      fresh = false;
      room = std::max(room, 3 * kTableSize * 1.45);
      std::vector<CellBox> part = row.cells;
      std::vector<size_t> end(row.cells.size(), 0);
      double used = 0;
      for (size_t i = 0; i < row.cells.size(); ++i) {
        const Text* text = row.cells[i].text;
        if (!text) continue;
        size_t e = next[i];
        double top = e < text->lines.size() ? text->lines[e].top : 0;
        while (e < text->lines.size() && text->lines[e].bottom - top <= room) ++e;
        end[i] = e;
        if (e > next[i]) used = std::max(used, text->lines[e - 1].bottom - top);
      }
      double height = (AllShown(row, end) ? used : room) + 2 * kCellPadY;
      double y = flow->y();
      for (size_t i = 0; i < part.size(); ++i) {
        part[i].h = height;
        if (part[i].shaded) flow->Add(RectOp{part[i].x, y, part[i].w, height, kShade, 0});
        const Text* text = part[i].text;
        if (text && end[i] > next[i]) {
          double box = text->wrapped ? text->wrap_width : text->width;
          double x = part[i].x + kCellPadX + part[i].indent;
          if (part[i].align == Align::kRight) x = part[i].x + part[i].w - kCellPadX - box;
          if (part[i].align == Align::kCenter) x = part[i].x + (part[i].w - box) / 2;
          flow->Add(TextOp{text, next[i], end[i], x, y + kCellPadY});
        }
        flow->Add(RectOp{part[i].x, y, part[i].w, height, -1, kRule});
        next[i] = std::max(next[i], end[i]);
      }
      flow->Advance(height);
      if (!done()) {
        ContinueTable(flow, t, laid);
        fresh = true;
      }
    }
  }

  static bool AllShown(const LaidRow& row, const std::vector<size_t>& end) {
    for (size_t i = 0; i < row.cells.size(); ++i) {
      if (row.cells[i].text && end[i] < row.cells[i].text->lines.size()) return false;
    }
    return true;
  }

  void LayGlossary(Flow* flow) {
    const double width = kPortrait.right - kPortrait.left;
    PartTitle(flow, doc_.frame.parts[2]);
    int n = 0;
    for (const auto& g : doc_.glossary) {
      // One paragraph per term, the term in 黑体: "一、财政拨款收入：指……", as printed.
      std::string head = ChineseNumber(++n) + "、" + g.term + "：";
      PangoAttrList* attrs = pango_attr_list_new();
      for (PangoAttribute* a :
           {pango_attr_family_new(HeiFamily()), pango_attr_weight_new(PANGO_WEIGHT_BOLD)}) {
        a->start_index = 0;
        a->end_index = static_cast<guint>(head.size());
        pango_attr_list_insert(attrs, a);
      }
      Text* t = shaper_.Shape(head + g.definition, kBodyText, Wrap::kAlways, width, attrs);
      pango_attr_list_unref(attrs);
      flow->PlaceText(*t, kPortrait.left);
      flow->Advance(1.5 * kMm);
    }
  }

  // The 目录, laid out after the body so that it shows the real page numbers. Body pages are
  // numbered from 1, so its length does not change them.
  void LayContents() {
    Flow flow(&contents_, PageKind::kContents);
    flow.NewPage(false);
    flow.Advance(4 * kMm);
    entries_.insert(entries_.begin(),
                    Entry{0, "", "目录", AddAnchor(flow, PageKind::kContents), false});
    PlaceCentered(&flow, "目　录", {Face::kHei, 18, 1.2, PANGO_ALIGN_CENTER});
    flow.Advance(8 * kMm);
    const Geometry& g = flow.geo();
    for (const auto& e : entries_) {
      if (!e.in_contents) continue;
      const Anchor& a = anchors_[e.anchor];
      Style style = e.level == 0 ? Style{Face::kHei, 12.5, 1.15}
                                 : Style{Face::kSong, e.level == 1 ? 12.0 : 11.0, 1.15};
      double indent = e.level * 2 * 12.0;
      Text* number = shaper_.Shape(std::to_string(a.page + 1), style);
      Text* text = shaper_.Shape(e.contents_text, style, Wrap::kIfNeeded,
                                 g.right - g.left - indent - number->width - 12 * kMm);
      flow.Advance(e.level == 0 ? 2.5 * kMm : 0.8 * kMm);
      flow.EnsureSpace(text->height);
      double top = flow.y();
      double x = g.left + indent;
      const LineBox& last = text->lines.back();
      double baseline = top + last.baseline - text->lines.front().top;
      flow.Add(LinkOp{g.left, top, g.right - g.left, text->height, e.anchor});
      flow.PlaceText(*text, x);
      double nx = g.right - number->width;
      flow.Add(TextOp{number, 0, 1, nx, baseline - number->lines[0].baseline});
      double dots_from = x + last.x + last.width + 2 * kMm;
      if (dots_from < nx - 2 * kMm) {
        flow.Add(LineOp{dots_from, baseline, nx - 2 * kMm, baseline, 0.9, true});
      }
    }
  }

  // Running header (department, fiscal year) above a rule, and the page number centered in
  // the footer ("— 3 —", the form of Chinese official documents), on every body page.
  void AddRunningHeads() {
    Text* left = shaper_.Shape(doc_.department, kRunning);
    Text* right = shaper_.Shape(doc_.frame.running_head, kRunning);
    for (size_t i = 0; i < body_.size(); ++i) {
      Page& p = body_[i];
      const Geometry& g = GeometryOf(p.landscape);
      p.ops.push_back(TextOp{left, 0, 1, g.left, g.header_y, 0.25});
      p.ops.push_back(TextOp{right, 0, 1, g.right - right->width, g.header_y, 0.25});
      double rule = g.header_y + left->height + 1 * kMm;
      p.ops.push_back(LineOp{g.left, rule, g.right, rule, 0.5, false});
      Text* folio = shaper_.Shape(fmt::format("— {} —", i + 1), kFolio);
      p.ops.push_back(TextOp{folio, 0, 1, (g.width - folio->width) / 2, g.footer_y});
    }
  }

  std::string PageLabel(const Page& p, size_t index) const {
    switch (p.kind) {
      case PageKind::kCover:
        return "封面";
      case PageKind::kContents:
        return contents_.size() == 1 ? "目录" : fmt::format("目录{}", index + 1);
      case PageKind::kBody:
        return std::to_string(index + 1);
    }
    return "";
  }

  std::string Destination(size_t anchor) const {
    const Anchor& a = anchors_[anchor];
    return fmt::format("page={} pos=[0 {:.2f}]", AbsolutePage(a.kind, a.page) + 1,
                       std::max(0.0, a.y - 6 * kMm));
  }

  // Draws a page in three layers: shading, then text (and links) in reading order, then
  // rules and cell borders. Nothing else overlaps (shading lies under text only), so this
  // looks the same as drawing in placement order; and the borders of all cells become the
  // page's grid, each line drawn once (see GridLines).
  void DrawPage(cairo_t* cr, const Page& page) const {
    std::map<double, std::vector<const RectOp*>> fills;  // by gray
    for (const auto& op : page.ops) {
      const auto* r = std::get_if<RectOp>(&op);
      if (r && r->fill_gray >= 0) fills[r->fill_gray].push_back(r);
    }
    for (const auto& [gray, rects] : fills) {
      for (const RectOp* r : rects) cairo_rectangle(cr, r->x, r->y, r->w, r->h);
      cairo_set_source_rgb(cr, gray, gray, gray);
      cairo_fill(cr);
    }
    GlyphBatch text(cr);
    for (const auto& op : page.ops) {
      if (const auto* t = std::get_if<TextOp>(&op)) {
        DrawText(&text, *t);
      } else if (const auto* k = std::get_if<LinkOp>(&op)) {
        std::string attrs = fmt::format("rect=[{:.2f} {:.2f} {:.2f} {:.2f}] {}", k->x, k->y, k->w,
                                        k->h, Destination(k->anchor));
        cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs.c_str());
        cairo_tag_end(cr, CAIRO_TAG_LINK);
      }
    }
    text.Flush();
    cairo_set_source_rgb(cr, 0, 0, 0);
    std::map<double, std::vector<const RectOp*>> borders;  // by line width
    for (const auto& op : page.ops) {
      const auto* r = std::get_if<RectOp>(&op);
      if (r && r->stroke > 0) borders[r->stroke].push_back(r);
      if (const auto* l = std::get_if<LineOp>(&op)) DrawLine(cr, *l);
    }
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE);  // lines meeting at a corner close it
    for (const auto& [width, rects] : borders) {
      for (const LineOp& l : GridLines(rects)) {
        cairo_move_to(cr, l.x0, l.y0);
        cairo_line_to(cr, l.x1, l.y1);
      }
      cairo_set_line_width(cr, width);
      cairo_stroke(cr);
    }
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  }

  // The borders of cells as the fewest lines: every edge of every rectangle, edges that touch
  // or overlap on the same line merged. Neighbouring cells share edges and a column's edges
  // continue from row to row, so a table page of r rows and c columns takes about r + c lines
  // instead of 4rc edges — cairo writes every coordinate with printf, and stroking each cell
  // was an eighth of the time of a table-heavy document.
  static std::vector<LineOp> GridLines(const std::vector<const RectOp*>& rects) {
    // Positions on a 1/100 pt grid, so that edges computed along different paths still meet.
    auto key = [](double v) { return std::llround(v * 100); };
    std::map<long long, std::vector<std::pair<double, double>>> across, down;  // y → x spans
    for (const RectOp* r : rects) {
      across[key(r->y)].push_back({r->x, r->x + r->w});
      across[key(r->y + r->h)].push_back({r->x, r->x + r->w});
      down[key(r->x)].push_back({r->y, r->y + r->h});
      down[key(r->x + r->w)].push_back({r->y, r->y + r->h});
    }
    std::vector<LineOp> lines;
    auto merge = [&](auto& by_position, bool horizontal) {
      for (auto& [position, spans] : by_position) {
        std::sort(spans.begin(), spans.end());
        const double at = static_cast<double>(position) / 100;
        double from = spans.front().first, to = spans.front().second;
        auto emit = [&] {
          lines.push_back(horizontal ? LineOp{from, at, to, at} : LineOp{at, from, at, to});
        };
        for (const auto& [a, b] : spans) {
          if (a > to + 0.01) {
            emit();
            from = a;
          }
          to = std::max(to, b);
        }
        emit();
      }
    };
    merge(across, true);
    merge(down, false);
    return lines;
  }

  static void DrawText(GlyphBatch* batch, const TextOp& t) {
    double base = t.text->lines[t.first].top;
    for (size_t l = t.first; l < t.end; ++l) {
      DrawTextLine(batch, *t.text, l, t.x, t.y - base, t.gray);
    }
  }

  static void DrawLine(cairo_t* cr, const LineOp& l) {
    cairo_set_line_width(cr, l.width);
    if (l.dotted) {
      const double dash[] = {0.01, 3.0};
      cairo_set_dash(cr, dash, 2, 0);
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    }
    cairo_move_to(cr, l.x0, l.y0);
    cairo_line_to(cr, l.x1, l.y1);
    cairo_stroke(cr);
    if (l.dotted) {
      cairo_set_dash(cr, nullptr, 0, 0);
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    }
  }

  const Document& doc_;
  Shaper shaper_;
  std::vector<Page> cover_, contents_, body_;
  std::vector<Anchor> anchors_;
  std::vector<Entry> entries_;
  std::string continued_;
};

bool PdfDocument::Draw(std::string* pdf, std::string* error) {
  pdf->clear();
  // Streams are compressed as suits pages, then fonts (see compression_level.h).
  ScopedCompressionLevel compression(Compressing::kPdfPages);
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(AppendToString, pdf, kA4Short, kA4Long);
  // Text that cairo writes itself (metadata, page labels, the outline) is made printable as
  // the shaped text is (see Printable): one bad character would fail the whole file.
  std::string storage;
  auto printable = [&storage](const std::string& text) {
    return std::string(Printable(text, &storage));
  };
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, printable(doc_.title).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR,
                                 printable(doc_.department).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT,
                                 printable(doc_.frame.subject).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "gongkai");
  cairo_t* cr = cairo_create(surface);
  // The links of the contents are tagged (CAIRO_TAG_LINK); cairo 1.16 then writes a structure
  // parent tree that refers to link elements it never writes unless they sit inside a structure
  // element, and the file's cross-reference table points at missing objects (qpdf: "file is
  // damaged"; viewers repair it silently or ask to save on close). One Document element around
  // all pages makes cairo write them. It begins after the first page's size is set: setting
  // the size of a page drops a tag begun before it on that page.
  size_t index = 0;
  for (const auto* pages : {&cover_, &contents_, &body_}) {
    for (size_t i = 0; i < pages->size(); ++i, ++index) {
      const Page& p = (*pages)[i];
      const Geometry& g = GeometryOf(p.landscape);
      cairo_pdf_surface_set_size(surface, g.width, g.height);
      cairo_pdf_surface_set_page_label(surface, printable(PageLabel(p, i)).c_str());
      if (index == 0) cairo_tag_begin(cr, "Document", "");
      DrawPage(cr, p);
      cairo_show_page(cr);
    }
  }
  if (index > 0) cairo_tag_end(cr, "Document");
  // The outline: parts (open, bold), their sections and tables, and subheadings.
  int parents[4] = {CAIRO_PDF_OUTLINE_ROOT, 0, 0, 0};
  for (const auto& e : entries_) {
    int level = std::clamp(e.level, 0, 2);
    int flags = level == 0 ? CAIRO_PDF_OUTLINE_FLAG_BOLD : 0;
    if (level == 0 && e.outline_text != "目录") flags |= CAIRO_PDF_OUTLINE_FLAG_OPEN;
    parents[level + 1] = cairo_pdf_surface_add_outline(
        surface, parents[level], printable(e.outline_text).c_str(), Destination(e.anchor).c_str(),
        static_cast<cairo_pdf_outline_flags_t>(flags));
  }
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  compression.Switch(Compressing::kPdfFonts);  // cairo writes the font subsets when finishing
  cairo_surface_finish(surface);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    *error = std::string("PDF 生成失败：") + cairo_status_to_string(status);
    return false;
  }
  return true;
}

}  // namespace
}  // namespace pdf

bool RenderPdf(const Document& doc, std::string* pdf, std::string* error) {
  using pdf::PdfDocument;
  PdfDocument document(doc);
  document.Lay();
  return document.Draw(pdf, error);
}

}  // namespace gongkai
