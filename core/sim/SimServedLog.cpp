#include "sim/SimServedLog.h"

#include "util/Log.h"

#include <QDateTime>
#include <QFile>

#include <fcntl.h>
#include <unistd.h>

namespace gd::sim {

SimServedLog::~SimServedLog()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool SimServedLog::open(const QString &path)
{
    if (path.isEmpty())
        return false;
    std::lock_guard lock(m_mutex);
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,
                  0644);
    if (m_fd < 0)
        qCWarning(lcSim) << "cannot open the served log" << path;
    return m_fd >= 0;
}

void SimServedLog::record(const QString &messageId)
{
    if (m_fd < 0)
        return;
    const QByteArray line = QByteArray::number(QDateTime::currentMSecsSinceEpoch()) + ' '
        + messageId.toLatin1() + '\n';
    std::lock_guard lock(m_mutex);
    // One write per line with O_APPEND: a line is never torn by a crash of ours.
    [[maybe_unused]] const ssize_t n = ::write(m_fd, line.constData(), size_t(line.size()));
}

} // namespace gd::sim
