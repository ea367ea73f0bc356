// ProgrammeCsv::decode (screenings imported from a spreadsheet): accepted rows survive
// encode -> decode unchanged, and the validator runs to the end on the sample programme
// with its screenings replaced by them (what programme.import with "csv" does).
#include "fuzzinvariant.h"
#include "programmecsv.h"
#include "programmeedits.h"
#include "programmejson.h"
#include "programmevalidator.h"

#include <QFile>

using namespace fest;

namespace {
const Programme &sample()
{
    static const Programme programme = [] {
        QFile file(QStringLiteral(FEST_SAMPLE_PROGRAMME));
        QList<ProgrammeError> errors;
        std::optional<Programme> p = file.open(QIODevice::ReadOnly) ? ProgrammeJson::decode(file.readAll(), &errors) : std::nullopt;
        FUZZ_INVARIANT(p);
        return *p;
    }();
    return programme;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QList<ProgrammeError> errors;
    const std::optional<QList<Screening>> screenings = ProgrammeCsv::decode(FuzzInvariant::bytes(data, size), &errors);
    if (!screenings) {
        FUZZ_INVARIANT(!errors.isEmpty());
        return 0;
    }
    const std::optional<QList<Screening>> again = ProgrammeCsv::decode(ProgrammeCsv::encode(*screenings), &errors);
    FUZZ_INVARIANT(again && *again == *screenings);
    const Programme replaced = ProgrammeEdits::replaceScreenings(sample(), *screenings);
    for (const ProgrammeError &e : ProgrammeValidator::validate(replaced, 10))
        FUZZ_INVARIANT(!e.where.isEmpty() && !e.message.isEmpty());
    return 0;
}
