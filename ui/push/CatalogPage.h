#pragma once
// The product catalog as a table staff can edit (each edit is saved with a
// history row), with imports of catalog files (CSV in UTF-8 or GBK, JSON)
// and of clicks/orders, and the report of the last import: what was added
// or changed and every bad row with its number and reason.

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTableWidget;

namespace gd {

class PushService;
struct CatalogImportReport;

class CatalogPage : public QWidget
{
    Q_OBJECT
public:
    CatalogPage(PushService *service, QWidget *parent = nullptr);
    void reload();
    // Imports `path` (what the Import button does after its file dialog).
    void importFile(const QString &path);
    QTableWidget *table() const { return m_table; }
    QString reportText() const;

signals:
    void catalogChanged();

private:
    void showReport(const QString &fileName, const CatalogImportReport &report);
    void saveRow(int row);
    void showHistory();

    PushService *m_service;
    QTableWidget *m_table;
    QLabel *m_summary;
    QPlainTextEdit *m_report;
    bool m_filling = false;
};

} // namespace gd
