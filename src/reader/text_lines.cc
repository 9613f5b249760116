#include "reader/text_lines.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace gongkai::reader {
namespace {

// Length of the UTF-8 sequence starting with byte `c`.
size_t SequenceLength(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 6) return 2;
  if ((c >> 4) == 14) return 3;
  if ((c >> 3) == 30) return 4;
  return 1;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

// Digits with separators: a printed amount or a code.
bool IsFigure(std::string_view text) {
  bool digit = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c != ',' && c != '.' && c != '-' && c != '(' && c != ')') {
      return false;
    }
  }
  return digit;
}

// "…833.84": a figure ending with a point and two decimals.
bool EndsWithDecimals(std::string_view t) {
  return t.size() >= 4 && t[t.size() - 3] == '.' &&
         std::isdigit(static_cast<unsigned char>(t[t.size() - 2])) &&
         std::isdigit(static_cast<unsigned char>(t[t.size() - 1]));
}

// Splits a cell of amounts printed with no gap ("174,900.64101,833.8441,534.73", each amount
// ending two digits after its point, another point following) into one cell per amount.
// `xs` holds the left edge of every byte of the text (estimated within each word, which is
// short), so that each piece keeps the box of its own characters. Other cells are returned as
// they are.
std::vector<Cell> SplitRunTogether(const Cell& cell, const std::vector<double>& xs) {
  const std::string& t = cell.text;
  if (!IsFigure(t) || std::count(t.begin(), t.end(), '.') < 2 || xs.size() != t.size()) {
    return {cell};
  }
  std::vector<Cell> out;
  size_t begin = 0;
  auto piece = [&](size_t from, size_t to) {
    Cell c{t.substr(from, to - from), cell.box, true};
    c.box.x0 = xs[from];
    c.box.x1 = to < t.size() ? xs[to] : cell.box.x1;
    out.push_back(std::move(c));
  };
  for (size_t i = 3; i < t.size(); ++i) {
    if (t[i - 3] == '.' && std::isdigit(static_cast<unsigned char>(t[i - 2])) &&
        std::isdigit(static_cast<unsigned char>(t[i - 1])) &&
        std::isdigit(static_cast<unsigned char>(t[i])) && t.find('.', i) != std::string::npos) {
      piece(begin, i);
      begin = i;
    }
  }
  piece(begin, t.size());
  return out;
}

// Left edges of the bytes of a word, in proportion within the word.
void AppendEdges(const Word& w, std::vector<double>* xs) {
  size_t n = w.text.size();
  for (size_t i = 0; i < n; ++i) xs->push_back(w.box.x0 + w.box.width() * i / n);
}

Box Union(const Box& a, const Box& b) {
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

Line TextLine(std::string_view raw, int y) {
  Line line;
  std::string text(raw);
  if (!text.empty() && text.back() == '\r') text.pop_back();
  if (text.find('\t') != std::string::npos) {
    size_t start = 0;
    int field = 0;
    while (start <= text.size()) {
      size_t tab = text.find('\t', start);
      if (tab == std::string::npos) tab = text.size();
      std::string cell = Trim(std::string_view(text).substr(start, tab - start));
      if (!cell.empty()) {
        line.cells.push_back({cell, {field * 10.0, double(y), field * 10.0 + 8, y + 1.0}});
      }
      ++field;
      start = tab + 1;
    }
  } else {
    // Runs of two or more spaces separate cells; x is the display column.
    size_t i = 0;
    int column = 0;
    while (i < text.size()) {
      if (text[i] == ' ') {
        ++i;
        ++column;
        continue;
      }
      size_t begin = i;
      int begin_column = column;
      size_t end = i;
      int end_column = column;
      while (i < text.size()) {
        if (text[i] == ' ') {
          if (i + 1 >= text.size() || text[i + 1] == ' ') break;
          ++i;
          ++column;
          continue;
        }
        size_t n = SequenceLength(static_cast<unsigned char>(text[i]));
        column += DisplayWidth(std::string_view(text).substr(i, n));
        i += n;
        end = i;
        end_column = column;
      }
      line.cells.push_back({text.substr(begin, end - begin),
                            {double(begin_column), double(y), double(end_column), y + 1.0}});
    }
  }
  if (!line.cells.empty()) {
    line.box = line.cells.front().box;
    for (const Cell& c : line.cells) line.box = Union(line.box, c.box);
  }
  return line;
}

}  // namespace

namespace {

// Appends `text` to `out` without its blanks: runs between blanks are copied whole (this runs
// on every line of every page, several times).
void AppendWithoutSpaces(std::string_view text, std::string* out) {
  size_t run = 0;  // where the run being copied starts
  for (size_t i = 0; i < text.size();) {
    size_t blank = 0;
    if (text[i] == ' ' || text[i] == '\t') {
      blank = 1;
    } else if (text[i] == '\xE3' && text.substr(i, 3) == "\xE3\x80\x80") {  // U+3000
      blank = 3;
    }
    if (blank == 0) {
      ++i;
      continue;
    }
    out->append(text.data() + run, i - run);
    i += blank;
    run = i;
  }
  out->append(text.data() + run, text.size() - run);
}

}  // namespace

std::string Line::Compact() const {
  size_t size = 0;
  for (const Cell& c : cells) size += c.text.size();
  std::string out;
  out.reserve(size);
  for (const Cell& c : cells) AppendWithoutSpaces(c.text, &out);
  return out;
}

std::string RemoveSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendWithoutSpaces(text, &out);
  return out;
}

int DisplayWidth(std::string_view text) {
  int width = 0;
  for (size_t i = 0; i < text.size();) {
    size_t n = SequenceLength(static_cast<unsigned char>(text[i]));
    width += n >= 3 ? 2 : 1;  // U+0800 and above: CJK, full-width forms, punctuation
    i += n;
  }
  return width;
}

std::vector<Line> GroupWords(const std::vector<Word>& words) {
  std::vector<const Word*> sorted;
  for (const Word& w : words) {
    if (!RemoveSpaces(w.text).empty()) sorted.push_back(&w);
  }
  std::stable_sort(sorted.begin(), sorted.end(), [](const Word* a, const Word* b) {
    return a->box.y0 + a->box.y1 < b->box.y0 + b->box.y1;
  });
  // Lines: a word joins the one of the last few lines whose centre is nearest to its own, if
  // nearer than half the height of the taller of it and the line's tallest word. Centres,
  // not overlaps: producers draw boxes as high as the row pitch (a figure then overlaps the
  // row above), cell-high code boxes, and name boxes a few points high.
  std::vector<std::vector<const Word*>> groups;
  std::vector<Box> tallest;
  auto centre = [](const Box& b) { return (b.y0 + b.y1) / 2; };
  for (const Word* w : sorted) {
    size_t best = groups.size();
    double best_distance = 0;
    for (size_t k = groups.size(); k-- > 0 && k + 4 >= groups.size();) {
      double distance = std::abs(centre(w->box) - centre(tallest[k]));
      double limit = 0.5 * std::max(w->box.height(), tallest[k].height());
      if (distance < limit && (best == groups.size() || distance < best_distance)) {
        best = k;
        best_distance = distance;
      }
    }
    if (best < groups.size()) {
      groups[best].push_back(w);
      if (w->box.height() > tallest[best].height()) tallest[best] = w->box;
    } else {
      groups.push_back({w});
      tallest.push_back(w->box);
    }
  }
  std::vector<Line> lines;
  for (auto& group : groups) {
    std::stable_sort(group.begin(), group.end(),
                     [](const Word* a, const Word* b) { return a->box.x0 < b->box.x0; });
    Line line;
    std::vector<std::vector<double>> edges;  // per cell, per byte
    const Word* previous = nullptr;
    for (const Word* w : group) {
      double height = w->box.height();
      if (!line.cells.empty()) {
        Cell& last = line.cells.back();
        double gap = w->box.x0 - last.box.x1;
        double limit = 0.9 * std::min(height, last.box.height());
        // A figure next to a label (or another figure) is its own cell even when close:
        // "195,774,300 一、一般公共服务支出".
        if (IsFigure(w->text) || (previous && IsFigure(previous->text))) {
          limit = 0.25 * std::min(height, last.box.height());
          // Two amounts are two cells however close: "23,103.76 16,604.23".
          if (previous && IsFigure(w->text) && IsFigure(previous->text) &&
              EndsWithDecimals(previous->text) && w->text[0] >= '0' && w->text[0] <= '9') {
            limit = -1;
          }
        }
        previous = w;
        if (gap <= limit) {
          // Pieces of one figure are joined without a space ("23,103" ".76").
          bool figure = IsFigure(w->text) && IsFigure(last.text);
          if (gap > 0.15 * height && !figure) {
            last.text += ' ';
            edges.back().push_back(last.box.x1);
          }
          last.text += w->text;
          AppendEdges(*w, &edges.back());
          last.box = Union(last.box, w->box);
          continue;
        }
      }
      line.cells.push_back({w->text, w->box});
      edges.emplace_back();
      AppendEdges(*w, &edges.back());
      previous = w;
    }
    std::vector<Cell> cells;
    for (size_t k = 0; k < line.cells.size(); ++k) {
      for (Cell& piece : SplitRunTogether(line.cells[k], edges[k])) {
        cells.push_back(std::move(piece));
      }
    }
    line.cells = std::move(cells);
    line.box = line.cells.front().box;
    for (const Cell& c : line.cells) line.box = Union(line.box, c.box);
    lines.push_back(std::move(line));
  }
  std::stable_sort(lines.begin(), lines.end(),
                   [](const Line& a, const Line& b) { return a.box.y0 < b.box.y0; });
  return lines;
}

std::vector<Page> PagesFromPdf(const std::vector<PageWords>& pages) {
  std::vector<Page> out;
  for (const PageWords& p : pages) {
    Page page;
    page.number = p.number;
    page.readable = p.readable;
    page.why = p.why;
    page.lines = GroupWords(p.words);
    out.push_back(std::move(page));
  }
  return out;
}

std::vector<Page> PagesFromText(std::string_view text) {
  std::vector<Page> out;
  Page page;
  page.number = 1;
  page.from_text = true;
  bool tabs = false;  // on this page
  auto finish = [&] {
    page.approximate_x = !tabs && !page.lines.empty();
    out.push_back(std::move(page));
    page = Page();
    page.number = static_cast<int>(out.size()) + 1;
    page.from_text = true;
    tabs = false;
  };
  int y = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = text.substr(start, nl - start);
    size_t ff;
    while ((ff = raw.find('\f')) != std::string_view::npos) {
      tabs |= raw.substr(0, ff).find('\t') != std::string_view::npos;
      Line line = TextLine(raw.substr(0, ff), y);
      if (!line.cells.empty()) page.lines.push_back(std::move(line));
      finish();
      y = 0;
      raw = raw.substr(ff + 1);
    }
    tabs |= raw.find('\t') != std::string_view::npos;
    Line line = TextLine(raw, y++);
    if (!line.cells.empty()) page.lines.push_back(std::move(line));
    start = nl + 1;
  }
  if (!page.lines.empty() || out.empty()) finish();
  return out;
}

}  // namespace gongkai::reader
