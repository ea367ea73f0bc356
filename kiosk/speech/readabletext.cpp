#include "readabletext.h"

#include <QQuickItem>
#include <QRegularExpression>
#include <QTextDocumentFragment>
#include <algorithm>
#include <vector>

namespace fest {

namespace {
struct Piece
{
    QRectF rect;   // in the root's coordinates
    QString text;
};

bool ignoredForAccessibility(const QQuickItem *item)
{
    // Accessible.* is an attached object (QQuickAccessibleAttached) among its children.
    for (const QObject *child : item->children()) {
        if (qstrcmp(child->metaObject()->className(), "QQuickAccessibleAttached") == 0)
            return child->property("ignored").toBool();
    }
    return false;
}

bool leftOut(const QQuickItem *item)
{
    if (!item->isVisible() || item->opacity() <= 0.01)
        return true;
    const QVariant readAloud = item->property("readAloud");
    if (readAloud.isValid() && !readAloud.toBool())
        return true;
    return ignoredForAccessibility(item);
}

QString plain(const QQuickItem *text)
{
    QString s = text->property("text").toString();
    // Styled or rich text (a <b> in a translation): its words, not its tags.
    if (s.contains(u'<') && text->property("textFormat").toInt() != 0 /* Text.PlainText */)
        s = QTextDocumentFragment::fromHtml(s).toPlainText();
    s.replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" "));
    return s.trimmed();
}

void collect(const QQuickItem *item, const QQuickItem *root, QRectF visible, std::vector<Piece> *pieces)
{
    if (leftOut(item))
        return;
    const QRectF rect = item->mapRectToItem(root, QRectF(0, 0, item->width(), item->height()));
    // A clipping view (a list, a flickable) shows only what is inside it.
    if (item->clip())
        visible = visible.intersected(rect);
    if (visible.isEmpty())
        return;
    if (item->inherits("QQuickText")) {
        if (rect.intersects(visible) || rect.isEmpty()) {
            if (const QString s = plain(item); !s.isEmpty())
                pieces->push_back({rect, s});
        }
    }
    for (const QQuickItem *child : item->childItems())
        collect(child, root, visible, pieces);
}

bool endsSentence(const QString &s)
{
    static const QString marks = QStringLiteral(".!?:;…。！？：；");
    return !s.isEmpty() && marks.contains(s.back());
}

bool isChinese(QChar c)
{
    return c.script() == QChar::Script_Han;
}
} // namespace

QString readableText(const QQuickItem *root)
{
    if (!root)
        return {};
    std::vector<Piece> pieces;
    collect(root, root, QRectF(0, 0, root->width(), root->height()), &pieces);
    // Reading order: top to bottom in lines, each line left to right. A piece belongs to
    // the line above when its vertical centre is above the bottom of that line's first piece.
    std::stable_sort(pieces.begin(), pieces.end(), [](const Piece &a, const Piece &b) { return a.rect.top() < b.rect.top(); });
    std::vector<std::vector<Piece>> lines;
    qreal bandBottom = 0;
    for (Piece &p : pieces) {
        if (lines.empty() || p.rect.center().y() > bandBottom) {
            lines.emplace_back();
            bandBottom = p.rect.bottom();
        }
        lines.back().push_back(std::move(p));
    }
    QStringList sentences;
    for (std::vector<Piece> &line : lines) {
        std::stable_sort(line.begin(), line.end(), [](const Piece &a, const Piece &b) { return a.rect.left() < b.rect.left(); });
        for (const Piece &p : line) {
            if (!sentences.isEmpty() && sentences.last() == p.text)
                continue;   // the same words twice in a row (a label and its shadow)
            sentences << p.text;
        }
    }
    QString out;
    for (const QString &s : sentences) {
        if (!out.isEmpty())
            out += u' ';
        out += s;
        if (!endsSentence(s))
            out += isChinese(s.back()) ? QStringLiteral("。") : QStringLiteral(".");
    }
    return out;
}

} // namespace fest
