#include "util/Log.h"

#include <QDateTime>
#include <QFile>
#include <QMutex>

#include <cstdio>

Q_LOGGING_CATEGORY(lcGateway, "gd.gateway")
Q_LOGGING_CATEGORY(lcEngine, "gd.engine")
Q_LOGGING_CATEGORY(lcStore, "gd.store")
Q_LOGGING_CATEGORY(lcSim, "gd.sim")
Q_LOGGING_CATEGORY(lcUi, "gd.ui")

namespace gd {
namespace {

QMutex g_logMutex;
QFile *g_logFile = nullptr;
LogOptions g_options;

QString rotatedName(const QString &path, int n)
{
    return QStringLiteral("%1.%2").arg(path).arg(n);
}

// Caller holds g_logMutex. Shifts <file>.1.. up by one, dropping the oldest,
// and starts a new file. On failure the current file is kept (and grows):
// losing log lines would be worse.
void rotateLocked()
{
    const QString path = g_logFile->fileName();
    g_logFile->close();
    const int kept = qMax(1, g_options.keptFiles);
    if (kept == 1) {
        QFile::remove(path);
    } else {
        QFile::remove(rotatedName(path, kept - 1));
        for (int n = kept - 2; n >= 1; --n)
            QFile::rename(rotatedName(path, n), rotatedName(path, n + 1));
        QFile::rename(path, rotatedName(path, 1));
    }
    if (!g_logFile->open(QIODevice::Append | QIODevice::Text)) {
        delete g_logFile;
        g_logFile = nullptr;
    }
}

void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &msg)
{
    const char *level = "debug";
    switch (type) {
    case QtDebugMsg:
        level = "debug";
        break;
    case QtInfoMsg:
        level = "info";
        break;
    case QtWarningMsg:
        level = "warn";
        break;
    case QtCriticalMsg:
        level = "error";
        break;
    case QtFatalMsg:
        level = "fatal";
        break;
    }
    const QString line
        = QStringLiteral("%1 %2 %3: %4\n")
              .arg(QDateTime::currentDateTime().toString(Qt::ISODateWithMs), QLatin1String(level),
                   QLatin1String(context.category ? context.category : "default"), msg);
    const QByteArray bytes = line.toUtf8();
    QMutexLocker lock(&g_logMutex);
    fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    if (g_logFile) {
        g_logFile->write(bytes);
        g_logFile->flush();
        if (g_options.maxFileBytes > 0 && g_logFile->size() >= g_options.maxFileBytes)
            rotateLocked();
    }
}

} // namespace

void installLogHandler(const QString &logFilePath, const LogOptions &options)
{
    // Debug lines are per message or per call: off unless asked for.
    QLoggingCategory::setFilterRules(options.verbose ? QStringLiteral("gd.*.debug=true")
                                                     : QStringLiteral("*.debug=false"));
    QMutexLocker lock(&g_logMutex);
    g_options = options;
    if (g_logFile && g_logFile->fileName() != logFilePath) {
        delete g_logFile;
        g_logFile = nullptr;
    }
    if (!logFilePath.isEmpty() && !g_logFile) {
        auto *file = new QFile(logFilePath);
        if (file->open(QIODevice::Append | QIODevice::Text))
            g_logFile = file;
        else
            delete file;
    }
    if (g_logFile && g_options.maxFileBytes > 0 && g_logFile->size() >= g_options.maxFileBytes)
        rotateLocked();
    qInstallMessageHandler(handleMessage);
}

} // namespace gd
