// The deal card's new-line form: choosing a product puts its price in the deal's currency into the price field.
document.querySelectorAll('select[data-prices]').forEach(select => {
  select.addEventListener('change', () => {
    const price = select.form.querySelector('input[name="line.unitPrice"]');
    const option = select.selectedOptions[0];
    if (price && option) price.value = option.dataset.price || '';
  });
});
