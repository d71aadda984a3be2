#pragma once
// Asks what to export and where, then runs the export with a progress dialog:
// the open group, every conversation of the account between two dates, or
// the current search result; CSV (optionally with a UTF-8 BOM so Excel shows
// Chinese, and with formula-looking cells defused) or JSON. The file name is
// chosen last (suggested from the group's name and today's date); the
// outcome is shown as the row count or a readable error.

#include "store/Exporter.h"

#include <QDate>
#include <QDialog>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QProgressDialog;
class QRadioButton;

namespace gd {

class Store;

class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Source { Room, DateRange, Search };

    ExportDialog(Store *store, const QString &accountId, QWidget *parent = nullptr);

    // Offers "this group" (selected when given).
    void setRoom(const QString &roomId, const QString &roomName);
    // Offers "the current search result" (selected when given).
    void setSearch(const SearchQuery &query);
    void setSource(Source source);
    Source source() const;
    bool isSourceAvailable(Source source) const;
    void setDateRange(const QDate &from, const QDate &to);
    void setFormat(ExportRequest::Format format);

    // The request the options describe (path: the chosen target).
    ExportRequest request() const;
    // e.g. 星河电器售后1群-2026-11-25.csv
    QString suggestedFileName() const;

    // Tests and scripts: export here instead of asking with a file dialog.
    void setTargetPath(const QString &path) { m_targetPath = path; }

    QComboBox *formatCombo() const { return m_format; }
    QCheckBox *bomCheck() const { return m_bom; }
    QCheckBox *formulaCheck() const { return m_formulas; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QProgressDialog *progressDialog() const { return m_progress; }
    Exporter *exporter() const { return m_exporter; }
    bool isExporting() const { return m_exporter->isRunning() || m_progress; }
    // The last export's outcome.
    qint64 exportedRows() const { return m_rows; }
    QString lastError() const { return m_error; }

public slots:
    // Asks for the file (unless a target path was set) and starts the export.
    void accept() override;

signals:
    void exportFinished(bool ok, qint64 rows, const QString &error);

private:
    void updateEnabled();
    void onProgress(qint64 done, qint64 total);
    void onFinished(bool ok, qint64 rows, const QString &error);
    void showOutcome(bool ok, qint64 rows, const QString &error, const QString &path);

    Store *m_store;
    QString m_accountId;
    QString m_roomId;
    QString m_roomName;
    SearchQuery m_search;
    bool m_hasSearch = false;
    QString m_targetPath;
    QString m_runningPath;
    qint64 m_rows = 0;
    QString m_error;

    Exporter *m_exporter;
    QButtonGroup *m_sources;
    QRadioButton *m_roomSource;
    QRadioButton *m_rangeSource;
    QRadioButton *m_searchSource;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_format;
    QCheckBox *m_bom;
    QCheckBox *m_formulas;
    QLabel *m_searchLabel;
    QProgressDialog *m_progress = nullptr;
};

} // namespace gd
