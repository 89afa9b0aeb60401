#pragma once
#include <QDialog>
#include <QList>
#include <QSize>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace folkrnn::widgets {

class InspectorView;

// Exports one view's figure (PNG at a chosen size and resolution, SVG, PDF) or its data (CSV).
// The size is physical (centimetres): the figure is laid out at 96 logical pixels per inch of
// it, so text keeps its point size on paper; the resolution only sets how many pixels a PNG has.
// A failed export names the file and keeps the dialog open. Choices persist in QSettings.
class FigureExportDialog : public QDialog {
    Q_OBJECT
public:
    // `views`: what can be exported (a combo box when more than one); `current` is chosen first.
    // `format`: "png", "svg", "pdf" or "csv".
    FigureExportDialog(const QList<InspectorView *> &views, InspectorView *current, const QString &format,
                       QWidget *parent = nullptr);

    InspectorView *view() const;
    QString format() const;
    QString path() const;
    void setPath(const QString &path);
    // The layout size in logical pixels, and the resolution of a PNG.
    QSize logicalSize() const;
    int dpi() const;
    void setSizeCm(double width, double height);
    void setDpi(int dpi);

    // Writes the file with the chosen options; true on success.
    bool exportNow();

public slots:
    void accept() override;

private:
    void browse();
    void formatChanged();
    void presetChosen(int index);
    void updateSummary();

    QList<InspectorView *> views_;
    QComboBox *view_;
    QComboBox *format_;
    QComboBox *preset_;
    QDoubleSpinBox *width_;
    QDoubleSpinBox *height_;
    QSpinBox *dpi_;
    QLineEdit *path_;
    QLabel *summary_;
};

} // namespace folkrnn::widgets
