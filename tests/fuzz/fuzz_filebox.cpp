// fuzz-sources: core/gateway/FileBox.cpp
// FileBox JSON (PROTOCOL.md "FileBox") comes from the gateway in
// MessageImage / MessageFile answers: any text. FileBox::fromJson must never
// crash; an inline box's size is its decoded byte count; and what GroupDesk
// writes reads back the same (name, uuid, size, bytes) whatever the name.
#include "gateway/FileBox.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace gd;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString json = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const FileBox box = FileBox::fromJson(json);
    if (box.type == FileBox::Base64)
        check(box.size == box.bytes.size());

    // Round trips of the two forms GroupDesk writes, with outside names and
    // uuids. Only for boxes of those forms: writing JSON is slow under ASan
    // and would cut the executions per second tenfold for random input.
    if (box.type != FileBox::Uuid && box.type != FileBox::Base64)
        return 0;
    const FileBox uuid
        = FileBox::fromJson(FileBox::uuidJson(box.uuid, box.name, qMax<qint64>(0, box.size)));
    check(uuid.type == FileBox::Uuid && uuid.uuid == box.uuid && uuid.name == box.name
          && uuid.size == qMax<qint64>(0, box.size));
    const QByteArray bytes = box.bytes.isEmpty() ? json.toUtf8().left(512) : box.bytes.left(512);
    const FileBox inlined = FileBox::fromJson(FileBox::inlineJson(bytes, box.name));
    check(inlined.type == FileBox::Base64 && inlined.bytes == bytes && inlined.name == box.name
          && inlined.size == bytes.size());
    return 0;
}
