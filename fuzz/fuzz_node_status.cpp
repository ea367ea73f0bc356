// Node status messages, input "<topic>\n<payload>", read the two ways the product reads
// them: by a kiosk (ScreenStatusBook) and by the controller (Topics::parseNodeStatus,
// Envelope "status", NodeRegistry). A player status a kiosk accepts is the status of the
// screen its account plays, filed under that account; the registry lists what it accepted,
// and a player's Will always takes it offline.
#include "envelope.h"
#include "fuzzinvariant.h"
#include "noderegistry.h"
#include "playerstatus.h"
#include "screenstatusbook.h"
#include "topics.h"

using namespace fest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = FuzzInvariant::bytes(data, size);
    const qsizetype newline = input.indexOf('\n');
    const QString topic = QString::fromUtf8(input.left(newline < 0 ? input.size() : newline));
    const QByteArray payload = newline < 0 ? QByteArray() : input.mid(newline + 1);

    ScreenStatusBook book;
    QString error;
    bool changed = false;
    QObject::connect(&book, &ScreenStatusBook::changed, [&changed] { changed = true; });
    if (!book.applyMessage(topic, payload, &error)) {
        FUZZ_INVARIANT(!error.isEmpty() && !changed);
    } else if (changed) {
        const std::optional<QString> account = Topics::parseNodeStatus(topic);
        FUZZ_INVARIANT(account.has_value());
        const QString screen = PlayerStatus::screenOfAccount(*account);
        FUZZ_INVARIANT(Topics::isValidId(screen));
        FUZZ_INVARIANT(book.screen(screen).account == *account);
    }

    const std::optional<QString> account = Topics::parseNodeStatus(topic);
    if (!account)
        return 0;
    FUZZ_INVARIANT(Topics::isValidId(*account) && Topics::nodeStatus(*account) == topic);
    NodeRegistry registry;
    if (payload.isEmpty()) {
        registry.remove(*account);
        FUZZ_INVARIANT(registry.count() == 0);
        return 0;
    }
    if (const std::optional<QJsonObject> status = Envelope::decode(payload, QStringLiteral("status"))) {
        const bool accepted = registry.applyStatus(*account, *status);
        FUZZ_INVARIANT(accepted == (registry.count() == 1));
        FUZZ_INVARIANT(accepted == (registry.refusedCount() == 0));
        const QString screen = PlayerStatus::screenOfAccount(*account);
        registry.applyStatus(*account, screen.isEmpty() ? QJsonObject{{"role", "kiosk"}, {"state", "offline"}}
                                                        : PlayerStatus::offline(screen).toJson());
        FUZZ_INVARIANT(registry.count() == 1 && registry.toJson().size() == 1);
        FUZZ_INVARIANT(registry.node(*account) && !registry.node(*account)->online);
    }
    return 0;
}
