#include "EngineProcess.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

#include <unistd.h>

namespace gd::test {

EngineProcess::EngineProcess()
    : m_process(std::make_unique<QProcess>())
{}

EngineProcess::~EngineProcess()
{
    kill();
}

bool EngineProcess::start(const QString &program, const QString &databaseUrl,
                          const QString &dataDir, const QString &name, const QString &outputFile,
                          QString *error)
{
    m_name = name;
    m_dataDir = dataDir;
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(outputFile.isEmpty() ? QProcess::nullDevice() : outputFile);
    m_process->start(program,
                     {QStringLiteral("--headless"), QStringLiteral("--database"), databaseUrl,
                      QStringLiteral("--data-dir"), dataDir, QStringLiteral("--engine-name"),
                      name});
    if (!m_process->waitForStarted(10000)) {
        *error = QStringLiteral("%1: %2").arg(program, m_process->errorString());
        return false;
    }
    return true;
}

QString EngineProcess::logPath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("groupdesk.log"));
}

qint64 EngineProcess::processId() const
{
    return m_process->processId();
}

bool EngineProcess::isRunning() const
{
    return m_process->state() != QProcess::NotRunning;
}

void EngineProcess::kill()
{
    if (!isRunning())
        return;
    m_process->kill();
    m_process->waitForFinished(10000);
}

bool EngineProcess::stop(int timeoutMs)
{
    if (!isRunning())
        return false;
    m_process->terminate();
    if (!m_process->waitForFinished(timeoutMs)) {
        kill();
        return false;
    }
    return m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
}

QVector<EngineProcess::LeaseEvent> EngineProcess::leaseEvents() const
{
    static const QRegularExpression line(
        QStringLiteral("^(\\S+) \\S+ \\S+: engine \\S+ (took|stopped) account (\\S+?)(?::| |$)"));
    QVector<LeaseEvent> out;
    QFile f(logPath());
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return out;
    while (!f.atEnd()) {
        const QString text = QString::fromUtf8(f.readLine()).trimmed();
        const QRegularExpressionMatch m = line.match(text);
        if (!m.hasMatch())
            continue;
        const QDateTime at = QDateTime::fromString(m.captured(1), Qt::ISODateWithMs);
        out.append({at.toMSecsSinceEpoch(), m.captured(2) == QLatin1String("took"), m.captured(3)});
    }
    return out;
}

double EngineProcess::cpuSeconds() const
{
    if (!isRunning())
        return -1;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(processId()));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    // After the command in parentheses: state is field 3, utime 14, stime 15.
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const double ticks = double(::sysconf(_SC_CLK_TCK));
    return (fields[11].toDouble() + fields[12].toDouble()) / ticks;
}

} // namespace gd::test
