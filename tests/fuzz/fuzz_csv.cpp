// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: arbitrary bytes through the streaming CSV reader of core/bundle (header, every record,
// every field as text). Errors (ad::Error) are the expected outcome for most inputs; crashes, leaks and
// undefined behaviour are not.
#include "bundle/csvreader.h"
#include "util/error.h"

#include <cstdint>
#include <cstring>

namespace {

// Hands the bytes out in small, varying chunks so buffer boundaries get exercised too.
class SmallChunks final : public ad::bundle::ByteSource
{
public:
    SmallChunks(const uint8_t* data, size_t size) : m_data(data), m_size(size) {}
    qint64 read(char* out, qint64 maxSize) override
    {
        const size_t want = 1 + (m_calls++ * 7919) % 97;
        const size_t n = std::min({size_t(maxSize), want, m_size - m_pos});
        std::memcpy(out, m_data + m_pos, n);
        m_pos += n;
        return qint64(n);
    }

private:
    const uint8_t* m_data;
    size_t m_size;
    size_t m_pos = 0;
    size_t m_calls = 0;
};

void run(ad::bundle::ByteSource& src, bool withRequired)
{
    ad::bundle::CsvReader r(src, QStringLiteral("fuzz.csv"));
    QStringList warnings;
    const QStringList optional{QStringLiteral("b")};
    try {
        if (withRequired)
            r.readHeader({QStringLiteral("a")}, &optional, &warnings);
        else
            r.readHeader({}, nullptr, nullptr);
        qint64 lastLine = 0;
        while (r.next()) {
            if (r.line() <= lastLine)
                __builtin_trap(); // line numbers only grow
            lastLine = r.line();
            for (int i = 0; i < r.fieldCount(); ++i) {
                if (r.fieldLine(i) < r.line())
                    __builtin_trap();
                (void)r.text(i);
            }
        }
    } catch (const ad::Error& e) {
        (void)e.toString();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    ad::bundle::MemorySource whole(QByteArrayView(reinterpret_cast<const char*>(data), qsizetype(size)));
    run(whole, size % 2 == 0);
    SmallChunks chunks(data, size);
    run(chunks, false);
    return 0;
}
