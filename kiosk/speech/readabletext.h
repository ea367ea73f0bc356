#pragma once

#include <QString>

class QQuickItem;

namespace fest {

// What a page says, as one text to read aloud: the text of every visible Text (and
// Label) under `root`, top to bottom and, on one line, left to right. Left out: what is
// hidden or transparent, outside the page or scrolled out of a clipping view, items marked
// `Accessible.ignored: true`, and items (with what they hold) that declare
// `property bool readAloud: false` (the ticket pad's 32 keys, the stars).
// Each piece ends as a sentence, so that the voice pauses between them.
QString readableText(const QQuickItem *root);

} // namespace fest
