#include "ExportDialog.h"

#include "store/Store.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace gd {

namespace {
constexpr int kProgressSteps = 1000;

// Characters no file system (or Excel) likes in a name.
QString safeFileName(QString name)
{
    static const QRegularExpression bad(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f]"));
    name.replace(bad, QStringLiteral("_"));
    name = name.simplified();
    if (name.size() > 80)
        name.truncate(80);
    return name;
}
} // namespace

ExportDialog::ExportDialog(Store *store, const QString &accountId, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_accountId(accountId)
    , m_exporter(new Exporter(store, this))
    , m_sources(new QButtonGroup(this))
{
    setWindowTitle(tr("Export messages"));

    auto *sourceBox = new QGroupBox(tr("What to export"), this);
    m_roomSource = new QRadioButton(tr("This group"), sourceBox);
    m_rangeSource
        = new QRadioButton(tr("All groups and chats of this account, between dates"), sourceBox);
    m_searchSource = new QRadioButton(tr("The current search result"), sourceBox);
    m_sources->addButton(m_roomSource, int(Source::Room));
    m_sources->addButton(m_rangeSource, int(Source::DateRange));
    m_sources->addButton(m_searchSource, int(Source::Search));
    const QDate today = QDate::currentDate();
    m_from = new QDateEdit(today.addDays(-7), sourceBox);
    m_to = new QDateEdit(today, sourceBox);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_searchLabel = new QLabel(sourceBox);
    m_searchLabel->setTextFormat(Qt::PlainText);
    m_searchLabel->setContentsMargins(22, 0, 0, 0);
    auto *range = new QHBoxLayout;
    range->setContentsMargins(22, 0, 0, 0);
    range->addWidget(new QLabel(tr("From"), sourceBox));
    range->addWidget(m_from);
    range->addWidget(new QLabel(tr("to"), sourceBox));
    range->addWidget(m_to);
    range->addStretch(1);
    auto *sourceLayout = new QVBoxLayout(sourceBox);
    sourceLayout->addWidget(m_roomSource);
    sourceLayout->addWidget(m_rangeSource);
    sourceLayout->addLayout(range);
    sourceLayout->addWidget(m_searchSource);
    sourceLayout->addWidget(m_searchLabel);

    auto *formatBox = new QGroupBox(tr("Format"), this);
    m_format = new QComboBox(formatBox);
    m_format->addItem(tr("CSV (spreadsheets)"), int(ExportRequest::Format::Csv));
    m_format->addItem(tr("JSON"), int(ExportRequest::Format::Json));
    m_bom = new QCheckBox(tr("UTF-8 BOM for Excel"), formatBox);
    m_bom->setToolTip(
        tr("Without it, Excel shows Chinese text in a CSV file as garbled characters."));
    m_bom->setChecked(true);
    m_formulas = new QCheckBox(tr("Protect against spreadsheet formulas"), formatBox);
    m_formulas->setToolTip(tr("Cells starting with = + - @ get a leading ' so a spreadsheet shows "
                              "a customer's text instead of running it."));
    m_formulas->setChecked(true);
    auto *formatLayout = new QVBoxLayout(formatBox);
    formatLayout->addWidget(m_format);
    formatLayout->addWidget(m_bom);
    formatLayout->addWidget(m_formulas);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(sourceBox);
    layout->addWidget(formatBox);
    layout->addWidget(buttons);

    connect(m_sources, &QButtonGroup::idToggled, this, [this] { updateEnabled(); });
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] { updateEnabled(); });
    connect(m_exporter, &Exporter::progress, this, &ExportDialog::onProgress);
    connect(m_exporter, &Exporter::finished, this, &ExportDialog::onFinished);

    m_rangeSource->setChecked(true);
    updateEnabled();
}

void ExportDialog::setRoom(const QString &roomId, const QString &roomName)
{
    m_roomId = roomId;
    m_roomName = roomName.isEmpty() ? roomId : roomName;
    m_roomSource->setText(tr("This group: %1").arg(m_roomName));
    if (!roomId.isEmpty())
        m_roomSource->setChecked(true);
    updateEnabled();
}

void ExportDialog::setSearch(const SearchQuery &query)
{
    m_search = query;
    m_hasSearch = true;
    m_searchLabel->setText(tr("Messages matching \"%1\"").arg(query.text.left(60)));
    m_searchSource->setChecked(true);
    updateEnabled();
}

void ExportDialog::setSource(Source source)
{
    if (QAbstractButton *button = m_sources->button(int(source)))
        button->setChecked(true);
    updateEnabled();
}

ExportDialog::Source ExportDialog::source() const
{
    return Source(m_sources->checkedId());
}

bool ExportDialog::isSourceAvailable(Source source) const
{
    switch (source) {
    case Source::Room:
        return !m_roomId.isEmpty();
    case Source::DateRange:
        return !m_accountId.isEmpty();
    case Source::Search:
        return m_hasSearch;
    }
    return false;
}

void ExportDialog::setDateRange(const QDate &from, const QDate &to)
{
    m_from->setDate(from);
    m_to->setDate(to);
}

void ExportDialog::setFormat(ExportRequest::Format format)
{
    m_format->setCurrentIndex(qMax(0, m_format->findData(int(format))));
}

void ExportDialog::updateEnabled()
{
    m_roomSource->setEnabled(isSourceAvailable(Source::Room));
    m_rangeSource->setEnabled(isSourceAvailable(Source::DateRange));
    m_searchSource->setEnabled(isSourceAvailable(Source::Search));
    m_searchSource->setVisible(m_hasSearch);
    m_searchLabel->setVisible(m_hasSearch);
    const bool range = source() == Source::DateRange;
    m_from->setEnabled(range);
    m_to->setEnabled(range);
    const bool csv = m_format->currentData().toInt() == int(ExportRequest::Format::Csv);
    m_bom->setEnabled(csv);
    m_formulas->setEnabled(csv);
}

ExportRequest ExportDialog::request() const
{
    ExportRequest r;
    r.format = ExportRequest::Format(m_format->currentData().toInt());
    const bool csv = r.format == ExportRequest::Format::Csv;
    r.utf8Bom = csv && m_bom->isChecked();
    r.neutralizeFormulas = csv && m_formulas->isChecked();
    r.accountId = m_accountId;
    switch (source()) {
    case Source::Room:
        r.source = ExportRequest::Source::Conversation;
        r.conversationId = m_roomId;
        break;
    case Source::DateRange: {
        r.source = ExportRequest::Source::DateRange;
        QDate from = m_from->date();
        QDate to = m_to->date();
        if (to < from)
            std::swap(from, to);
        r.fromMs = from.startOfDay().toMSecsSinceEpoch();
        r.toMs = to.endOfDay().toMSecsSinceEpoch(); // inclusive
        break;
    }
    case Source::Search:
        r.source = ExportRequest::Source::Search;
        r.search = m_search;
        r.search.limit = Exporter::kPageSize;
        r.search.beforeRowId = 0; // every hit, not only the pages on screen
        break;
    }
    r.path = m_targetPath;
    return r;
}

QString ExportDialog::suggestedFileName() const
{
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    QString base;
    switch (source()) {
    case Source::Room:
        base = QStringLiteral("%1-%2").arg(m_roomName, today);
        break;
    case Source::DateRange: {
        const QString from = qMin(m_from->date(), m_to->date()).toString(Qt::ISODate);
        const QString to = qMax(m_from->date(), m_to->date()).toString(Qt::ISODate);
        base = tr("messages-%1-to-%2").arg(from, to);
        break;
    }
    case Source::Search:
        base = tr("search-%1-%2").arg(m_search.text.simplified().left(20), today);
        break;
    }
    const bool csv = m_format->currentData().toInt() == int(ExportRequest::Format::Csv);
    return safeFileName(base) + (csv ? QStringLiteral(".csv") : QStringLiteral(".json"));
}

void ExportDialog::accept()
{
    if (m_exporter->isRunning() || !isSourceAvailable(source()))
        return;
    QString path = m_targetPath;
    if (path.isEmpty()) {
        QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        if (dir.isEmpty())
            dir = QDir::homePath();
        const bool csv = m_format->currentData().toInt() == int(ExportRequest::Format::Csv);
        path = QFileDialog::getSaveFileName(
            this, tr("Export messages"), QDir(dir).filePath(suggestedFileName()),
            csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
        if (path.isEmpty())
            return; // the user changed their mind: keep the options
    }
    ExportRequest r = request();
    r.path = path;
    m_runningPath = path;
    m_rows = 0;
    m_error.clear();

    m_progress = new QProgressDialog(tr("Exporting messages…"), tr("Cancel"), 0, 0, this);
    m_progress->setWindowTitle(tr("Export messages"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setMinimumDuration(300); // small exports finish before it would flash
    connect(m_progress, &QProgressDialog::canceled, m_exporter, &Exporter::cancel);
    if (!m_exporter->start(r)) {
        delete m_progress;
        m_progress = nullptr;
    }
}

void ExportDialog::onProgress(qint64 done, qint64 total)
{
    if (!m_progress)
        return;
    if (total < 0) {
        // A search: how many hits there are is known only at the end.
        m_progress->setRange(0, 0);
        m_progress->setLabelText(
            tr("Exported %n message(s)…", nullptr, int(qMin<qint64>(done, INT_MAX))));
        return;
    }
    // Scaled: a count can exceed what a progress bar holds.
    m_progress->setRange(0, kProgressSteps);
    m_progress->setValue(total > 0 ? int(qMin<qint64>(done, total) * kProgressSteps / total)
                                   : kProgressSteps);
    m_progress->setLabelText(tr("Exported %1 of %2 messages…").arg(done).arg(total));
}

void ExportDialog::onFinished(bool ok, qint64 rows, const QString &error)
{
    if (m_progress) {
        m_progress->hide();
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    m_rows = rows;
    m_error = error;
    emit exportFinished(ok, rows, error);
    showOutcome(ok, rows, error, m_runningPath);
    if (ok)
        QDialog::accept();
    // On failure or cancel the dialog stays, so the user can try again.
}

void ExportDialog::showOutcome(bool ok, qint64 rows, const QString &error, const QString &path)
{
    // Not exec(): the outcome must not block the caller (nor tests); the box
    // outlives this dialog as a child of its parent.
    QWidget *owner = ok && parentWidget() ? parentWidget() : this;
    auto *box = new QMessageBox(owner);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("exportOutcome"));
    box->setWindowTitle(tr("Export messages"));
    box->setTextFormat(Qt::PlainText);
    if (ok) {
        box->setIcon(QMessageBox::Information);
        box->setText(tr("Exported %n message(s) to %1.", nullptr, int(qMin<qint64>(rows, INT_MAX)))
                         .arg(QDir::toNativeSeparators(path)));
    } else {
        box->setIcon(QMessageBox::Warning);
        box->setText(tr("The export did not finish: %1").arg(error));
    }
    box->open();
}

} // namespace gd
